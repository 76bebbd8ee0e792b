package org.vinfra.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.vinfra.formats.VinfraGeneratorSetup;
import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.lang.workspace.Problem;

import com.google.inject.Injector;

/** What the goals share: where the models are, loading and validating them, printing diagnostics as file:line:col. */
abstract class AbstractVinfraMojo extends AbstractMojo {

    private static Injector injector;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** The folders whose .vinfra files (searched recursively) are the models. */
    @Parameter(defaultValue = "${project.basedir}/src/main/vinfra")
    protected List<File> sourceDirectories;

    /** Skip this goal. */
    @Parameter(property = "vinfra.skip", defaultValue = "false")
    protected boolean skip;

    static synchronized Injector injector() {
        if (injector == null) {
            quietLogging();
            injector = new VinfraGeneratorSetup().createInjectorAndDoEMFRegistration();
        }
        return injector;
    }

    private static void quietLogging() {
        org.apache.log4j.Logger.getRootLogger().setLevel(org.apache.log4j.Level.OFF);
    }

    /** The .vinfra files of the source folders, sorted; a configured folder that does not exist is a configuration error. */
    protected List<Path> modelFiles() throws MojoExecutionException {
        List<Path> files = new ArrayList<>();
        for (File folder : sourceDirectories) {
            if (!folder.isDirectory()) {
                throw new MojoExecutionException("The source folder " + folder + " does not exist. Create it and put the .vinfra models in it,"
                        + " or set <sourceDirectories> to where they are.");
            }
            try (Stream<Path> walk = Files.walk(folder.toPath())) {
                walk.filter(p -> p.toString().endsWith(".vinfra") && Files.isRegularFile(p)).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot read " + folder + ": " + e.getMessage(), e);
            }
        }
        return files;
    }

    /** Loads and validates; prints every problem as FILE:LINE:COL; fails on errors (and on warnings when asked). */
    protected ModelSet loadAndValidate(List<Path> files, boolean failOnWarnings) throws MojoExecutionException, MojoFailureException {
        ModelSet models = injector().getInstance(ModelSet.class);
        try {
            models.load(files);
        } catch (ModelSet.UnreadableFileException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        List<Problem> problems = models.validate();
        for (Problem problem : problems) {
            Problem absolute = new Problem(problem.file().toAbsolutePath(), problem.line(), problem.column(), problem.severity(), problem.code(),
                    problem.message());
            if (problem.isError()) {
                getLog().error(absolute.format());
            } else {
                getLog().warn(absolute.format());
            }
        }
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        if (errors > 0 || failOnWarnings && warnings > 0) {
            throw new MojoFailureException(errors + " errors and " + warnings + " warnings in the .vinfra models (listed above as file:line:col)");
        }
        getLog().info(files.size() + " .vinfra files: " + errors + " errors, " + warnings + " warnings");
        return models;
    }
}
