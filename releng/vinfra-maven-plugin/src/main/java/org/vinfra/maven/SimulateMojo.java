package org.vinfra.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.vinfra.lang.model.Units;
import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.sim.engine.SimulationOptions;
import org.vinfra.sim.engine.StackSimulation;
import org.vinfra.sim.lang.ModelToSimulation;
import org.vinfra.sim.results.HtmlReport;
import org.vinfra.sim.results.JsonReport;
import org.vinfra.sim.results.SimulationResult;

/**
 * Simulates the models for a while and fails the build when the run finds problems of the given
 * severity (a workload misses its deadline, a service is unreachable, memory overcommit forces
 * swapping...). Writes report.json and report.html.
 */
@Mojo(name = "simulate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class SimulateMojo extends AbstractVinfraMojo {

    /** How long to simulate, e.g. 90 s, 10 min. */
    @Parameter(property = "vinfra.duration", defaultValue = "10 min")
    private String duration;

    @Parameter(property = "vinfra.seed", defaultValue = "1")
    private long seed;

    /** Fail the build on problems of this severity or worse: error, warning, or never. */
    @Parameter(property = "vinfra.failOn", defaultValue = "error")
    private String failOn;

    @Parameter(defaultValue = "${project.build.directory}/vinfra-simulation", property = "vinfra.reportDirectory")
    private File reportDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("vinfra simulate skipped");
            return;
        }
        double seconds;
        try {
            seconds = Units.DURATION.parse(duration) / 1000.0;
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<duration>: " + e.getMessage());
        }
        if (!List.of("error", "warning", "never").contains(failOn)) {
            throw new MojoExecutionException("<failOn> is error, warning or never, not '" + failOn + "'");
        }
        List<Path> files = modelFiles();
        if (files.isEmpty()) {
            getLog().info("no .vinfra files in " + sourceDirectories);
            return;
        }
        ModelSet models = loadAndValidate(files, false);
        // the files they import too, as ./vinfra simulate does: a VM's hosts may be declared in a shared file
        org.vinfra.sim.entities.SimModel model = ModelToSimulation.map(models.modelsWithImports());
        SimulationResult result = new StackSimulation(model, SimulationOptions.defaults(seconds).withJitter(seed, 0)).run(null);
        try {
            Files.createDirectories(reportDirectory.toPath());
            Files.writeString(reportDirectory.toPath().resolve("report.json"), JsonReport.write(result));
            Files.writeString(reportDirectory.toPath().resolve("report.html"), HtmlReport.write(result, "vinfra simulation of " + project.getName(),
                    HtmlReport.capacities(model)));
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the report to " + reportDirectory + ": " + e.getMessage(), e);
        }
        for (SimulationResult.Problem problem : result.problems()) {
            String line = String.format(Locale.ROOT, "%.3f s %s %s: %s", problem.time(), problem.code(), problem.entity(), problem.message());
            if (problem.severity() == SimulationResult.Severity.ERROR) {
                getLog().error(line);
            } else {
                getLog().warn(line);
            }
        }
        long errors = result.count(SimulationResult.Severity.ERROR);
        long warnings = result.count(SimulationResult.Severity.WARNING);
        getLog().info(String.format(Locale.ROOT, "simulated %.1f s: %d errors, %d warnings; report in %s", result.run().endedAt(), errors, warnings,
                reportDirectory));
        if ("error".equals(failOn) && errors > 0 || "warning".equals(failOn) && errors + warnings > 0) {
            throw new MojoFailureException("The simulation found " + errors + " errors and " + warnings + " warnings (listed above; report in "
                    + reportDirectory + ")");
        }
    }
}
