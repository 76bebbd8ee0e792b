package org.vinfra.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.vinfra.diagram.graph.TopologyDiagram;
import org.vinfra.diagram.graph.TopologyGraphBuilder;
import org.vinfra.diagram.svg.DiagramSvg;
import org.vinfra.formats.GeneratedFiles;
import org.vinfra.formats.OutputWriter;
import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.lang.workspace.Problem;

/**
 * Draws the topology of each model file (with the files it imports) as a standalone SVG, the way
 * {@code vinfra diagram --svg} does: {@code src/main/vinfra/lab/hosts.vinfra} gives
 * {@code target/vinfra/diagrams/lab/hosts.svg}. Problems are logged as file:line:col and drawn as badges;
 * a file with syntax errors is not drawn; the positions pinned in a diagram editor
 * ({@code MODEL.vinfra.layout.json}) are used. The SVGs are written together and atomically (a failure leaves
 * the previous ones). The build fails when the models have errors, after drawing them, unless
 * {@code failOnError} is false.
 */
@Mojo(name = "diagram", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class DiagramMojo extends AbstractVinfraMojo {

    @Parameter(defaultValue = "${project.build.directory}/vinfra/diagrams", property = "vinfra.diagramDirectory")
    private File outputDirectory;

    /** Replicated elements to draw expanded, by diagram id ({@code vm:web}, {@code host:rack}), or {@code all}. */
    @Parameter(property = "vinfra.expand")
    private List<String> expand;

    /** Fail the build when the models have errors (they are drawn first). */
    @Parameter(property = "vinfra.failOnError", defaultValue = "true")
    private boolean failOnError;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("vinfra diagram skipped");
            return;
        }
        List<Path> files = modelFiles();
        if (files.isEmpty()) {
            getLog().info("no .vinfra files in " + sourceDirectories);
            return;
        }
        GeneratedFiles drawings = new GeneratedFiles();
        Set<String> logged = new LinkedHashSet<>();
        long errors = 0;
        List<String> undrawn = new ArrayList<>();
        for (Path file : files) {
            ModelSet models = injector().getInstance(ModelSet.class);
            try {
                models.load(List.of(file));
            } catch (ModelSet.UnreadableFileException e) {
                throw new MojoExecutionException(e.getMessage(), e);
            }
            List<Problem> problems = models.validate();
            for (Problem problem : problems) {
                String line = new Problem(problem.file().toAbsolutePath(), problem.line(), problem.column(), problem.severity(), problem.code(),
                        problem.message()).format();
                if (logged.add(line)) {
                    if (problem.isError()) {
                        getLog().error(line);
                        errors++;
                    } else {
                        getLog().warn(line);
                    }
                }
            }
            if (!DiagramSvg.drawable(problems)) {
                undrawn.add(file.getFileName().toString());
                continue;
            }
            List<String> expanded = expand == null ? List.of() : expand;
            if (expanded.contains("all")) {
                TopologyDiagram plain = new TopologyGraphBuilder().build(models, problems);
                expanded = List.copyOf(TopologyGraphBuilder.replicatedIds(plain));
            }
            DiagramSvg.Result result = DiagramSvg.render(models, problems, expanded, file, file.getFileName().toString());
            result.sidecarProblem().ifPresent(problem -> getLog().warn("the saved positions are not used: " + problem));
            drawings.add(outputPath(file), result.svg());
        }
        try {
            OutputWriter.Summary summary = OutputWriter.write(drawings, outputDirectory.toPath());
            getLog().info(String.format("vinfra drew %d diagrams in %s: %d written, %d unchanged, %d removed", drawings.size(), outputDirectory,
                    summary.written().size(), summary.unchanged().size(), summary.removed().size()));
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write to " + outputDirectory + ": " + e.getMessage() + " (the previous diagrams are unchanged)", e);
        }
        if (!undrawn.isEmpty()) {
            getLog().error("not drawn, they have syntax errors (listed above): " + String.join(", ", undrawn));
        }
        if (failOnError && errors > 0) {
            throw new MojoFailureException(errors + (errors == 1 ? " error" : " errors") + " in the .vinfra models (listed above as file:line:col)");
        }
    }

    /** The model's path under its source folder, with .svg for .vinfra. */
    private String outputPath(Path file) {
        Path relative = file.getFileName();
        for (File folder : sourceDirectories) {
            Path root = folder.toPath().toAbsolutePath().normalize();
            Path absolute = file.toAbsolutePath().normalize();
            if (absolute.startsWith(root)) {
                relative = root.relativize(absolute);
                break;
            }
        }
        String name = relative.toString().replace(File.separatorChar, '/');
        return name.substring(0, name.length() - ".vinfra".length()) + ".svg";
    }
}
