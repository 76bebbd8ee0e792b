package org.vinfra.formats;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which targets to export, and how. {@code outputDirectory} is where the files will be written: with
 * it, a host path of the model (relative to its .vinfra file) is exported relative to the exported
 * file, so that it still points at the same place; without it (an export kept in memory), paths are
 * written as the model writes them.
 */
public record ExportOptions(Set<Target> targets, CgroupVersion cgroupVersion, Path outputDirectory) {

    public ExportOptions {
        targets = Set.copyOf(targets);
        outputDirectory = outputDirectory == null ? null : outputDirectory.toAbsolutePath().normalize();
    }

    public ExportOptions(Set<Target> targets, CgroupVersion cgroupVersion) {
        this(targets, cgroupVersion, null);
    }

    public static ExportOptions all() {
        return new ExportOptions(EnumSet.allOf(Target.class), CgroupVersion.V2);
    }

    /** The same options for files written into {@code directory}. */
    public ExportOptions writingTo(Path directory) {
        return new ExportOptions(targets, cgroupVersion, directory);
    }

    public boolean includes(Target target) {
        return targets.contains(target);
    }
}
