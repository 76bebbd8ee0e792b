package org.vinfra.sim.policies;

/** What a hypervisor does when its VMs together want more memory than the host has. */
public interface MemoryReclamation {

    /** The outcome on one host: bytes reclaimed by ballooning and by swapping, and the resulting speed factor (1 = no slowdown). */
    record Pressure(long ballooned, long swapped, double speedFactor) {
        public static final Pressure NONE = new Pressure(0, 0, 1);
    }

    /**
     * @param physical   the host's memory
     * @param allocated  memory the running VMs (and containers) have been given
     * @param workingSet memory they actually use
     */
    Pressure reclaim(long physical, long allocated, long workingSet);
}
