package org.vinfra.sim.policies;

import org.vinfra.sim.entities.SimModel.Host;
import org.vinfra.sim.entities.SimModel.Hypervisor;
import org.vinfra.sim.entities.Technique;

/**
 * What virtualization costs, in the course's terms. The figures are documented assumptions
 * (docs/simulation.md), one place each.
 */
public final class VirtualizationCost {

    /** A second hyperthread on a busy core adds this much of a core (two threads give 1.25 cores). */
    public static final double HYPERTHREAD_GAIN = 0.25;
    /** Memory a guest OS needs on top of its workloads. */
    public static final long GUEST_OS_MEMORY = 256L << 20;

    private VirtualizationCost() {
    }

    /** The share of CPU time lost to the hypervisor: traps and exits, binary translation, hypercalls; a type-2 hypervisor pays its host OS too. */
    public static double cpuOverhead(Hypervisor hypervisor) {
        double technique = switch (hypervisor.technique()) {
            case HARDWARE_ASSISTED -> 0.02;
            case PARAVIRTUAL -> 0.05;
            case FULL -> 0.15;
        };
        return hypervisor.type2() ? technique + 0.10 : technique;
    }

    /** Core-equivalents a host delivers when {@code busy} CPUs are wanted: cores first, then hyperthreads at a fraction of a core. */
    public static double capacity(Host host, double busy) {
        double cores = host.cores();
        double logical = host.logicalCpus();
        double used = Math.min(busy, logical);
        return Math.min(used, cores) + Math.max(0, used - cores) * HYPERTHREAD_GAIN;
    }

    /** Power-on to ready: firmware, then the hypervisor (type 1) or the host OS and then the hypervisor application (type 2). */
    public static double hostBootSeconds(Host host) {
        Hypervisor hypervisor = host.hypervisor();
        if (!hypervisor.present()) {
            return 30;
        }
        return hypervisor.type2() ? 30 + 5 : 20;
    }

    /** A guest's boot: fastest with hardware assistance, slowest when kernel code is binary-translated. */
    public static double vmBootSeconds(Hypervisor hypervisor) {
        double seconds = switch (hypervisor.technique()) {
            case HARDWARE_ASSISTED -> 10;
            case PARAVIRTUAL -> 8;
            case FULL -> 20;
        };
        return hypervisor.type2() ? seconds * 1.2 : seconds;
    }

    /** A container starts in about a second: no kernel to boot (an LXC system container runs an init). */
    public static double containerStartSeconds(boolean lxc) {
        return lxc ? 2 : 0.5;
    }

    public static Technique defaultTechnique() {
        return Technique.HARDWARE_ASSISTED;
    }
}
