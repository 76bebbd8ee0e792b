package org.vinfra.formats;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What can be exported: each target is a file format a real tool reads. */
public enum Target {
    /** compose.yaml per compose deployment (Compose Specification). */
    COMPOSE,
    /** A Dockerfile per image. */
    DOCKERFILE,
    /** An LXC config and a start script per LXC container. */
    LXC,
    /** A libvirt domain XML per VM and a network XML per network. */
    LIBVIRT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses "compose,dockerfile" (case-insensitive).
     *
     * @throws IllegalArgumentException naming the unknown target and the known ones
     */
    public static Set<Target> parse(String list) {
        Set<Target> targets = EnumSet.noneOf(Target.class);
        for (String word : list.split(",")) {
            String name = word.trim();
            if (name.isEmpty()) {
                continue;
            }
            try {
                targets.add(valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown export target '" + name + "'; the targets are compose, dockerfile, lxc, libvirt");
            }
        }
        return targets;
    }
}
