package org.vinfra.formats;

import java.util.EnumSet;
import java.util.Set;

/** Which targets to export, and how. */
public record ExportOptions(Set<Target> targets, CgroupVersion cgroupVersion) {

    public ExportOptions {
        targets = Set.copyOf(targets);
    }

    public static ExportOptions all() {
        return new ExportOptions(EnumSet.allOf(Target.class), CgroupVersion.V2);
    }

    public boolean includes(Target target) {
        return targets.contains(target);
    }
}
