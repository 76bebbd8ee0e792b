package org.vinfra.maven;

import java.nio.file.Path;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Validates the .vinfra models (with the files they import); fails the build on errors, optionally on warnings. */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends AbstractVinfraMojo {

    /** Fail the build on warnings too. */
    @Parameter(property = "vinfra.failOnWarnings", defaultValue = "false")
    private boolean failOnWarnings;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("vinfra validate skipped");
            return;
        }
        List<Path> files = modelFiles();
        if (files.isEmpty()) {
            getLog().info("no .vinfra files in " + sourceDirectories);
            return;
        }
        loadAndValidate(files, failOnWarnings);
    }
}
