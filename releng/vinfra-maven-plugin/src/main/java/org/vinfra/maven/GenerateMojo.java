package org.vinfra.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.vinfra.formats.CgroupVersion;
import org.vinfra.formats.ExportOptions;
import org.vinfra.formats.Exporter;
import org.vinfra.formats.GeneratedFiles;
import org.vinfra.formats.OutputWriter;
import org.vinfra.formats.Target;
import org.vinfra.lang.workspace.ModelSet;

/**
 * Exports the models (compose files, Dockerfiles, LXC configs, libvirt XML) into the output folder.
 * Skips the work when neither the models nor the configuration changed since the last run; never
 * leaves half-written output; exports nothing from models with errors.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractVinfraMojo {

    @Parameter(defaultValue = "${project.build.directory}/generated-sources/vinfra", property = "vinfra.outputDirectory")
    private File outputDirectory;

    /** Which exports: compose, dockerfile, lxc, libvirt (default: all). */
    @Parameter(property = "vinfra.targets")
    private List<String> targets;

    /** cgroup keys of the LXC configs: v2 (default) or v1. */
    @Parameter(property = "vinfra.cgroupVersion", defaultValue = "v2")
    private String cgroupVersion;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("vinfra generate skipped");
            return;
        }
        ExportOptions options = new ExportOptions(targets(), cgroup());
        List<Path> files = modelFiles();
        if (files.isEmpty()) {
            getLog().info("no .vinfra files in " + sourceDirectories);
            return;
        }
        Path stamp = Path.of(project.getBuild().getDirectory(), "vinfra", "generate.stamp");
        String fingerprint = fingerprint(files, options);
        try {
            if (Files.isDirectory(outputDirectory.toPath()) && Files.isRegularFile(stamp) && Files.readString(stamp).equals(fingerprint)) {
                getLog().info("vinfra exports are up to date in " + outputDirectory);
                return;
            }
        } catch (IOException e) {
            getLog().debug("cannot read " + stamp + ": " + e.getMessage());
        }
        ModelSet models = loadAndValidate(files, false);
        GeneratedFiles generated;
        try {
            generated = Exporter.export(models.models(), options);
        } catch (IllegalStateException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        try {
            OutputWriter.Summary summary = OutputWriter.write(generated, outputDirectory.toPath());
            getLog().info(String.format("vinfra exported to %s: %d written, %d unchanged, %d removed", outputDirectory, summary.written().size(),
                    summary.unchanged().size(), summary.removed().size()));
            Files.createDirectories(stamp.getParent());
            Files.writeString(stamp, fingerprint);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write to " + outputDirectory + ": " + e.getMessage() + " (the previous output is unchanged)", e);
        }
    }

    private Set<Target> targets() throws MojoExecutionException {
        if (targets == null || targets.isEmpty()) {
            return EnumSet.allOf(Target.class);
        }
        try {
            return Target.parse(String.join(",", targets));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<targets>: " + e.getMessage());
        }
    }

    private CgroupVersion cgroup() throws MojoExecutionException {
        try {
            return CgroupVersion.parse(cgroupVersion);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<cgroupVersion>: " + e.getMessage());
        }
    }

    /** What the output depends on: every model's path and content, and the options. */
    private static String fingerprint(List<Path> files, ExportOptions options) throws MojoExecutionException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((options.targets().stream().map(Target::label).sorted().toList() + " " + options.cgroupVersion())
                    .getBytes(StandardCharsets.UTF_8));
            for (Path file : files) {
                digest.update(file.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new MojoExecutionException("Cannot read the models: " + e.getMessage(), e);
        }
    }
}
