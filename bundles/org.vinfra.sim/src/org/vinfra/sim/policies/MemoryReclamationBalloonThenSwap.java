package org.vinfra.sim.policies;

/**
 * Ballooning first: the balloon driver in each guest hands back memory the guest does not use, at
 * almost no cost. When working sets themselves exceed the host, the hypervisor swaps guest pages to
 * disk, and every access to a swapped page waits for the disk: the guests slow down in proportion
 * to the share of their working set that is swapped.
 */
public final class MemoryReclamationBalloonThenSwap implements MemoryReclamation {

    /** How much a fully swapped working set slows a guest (each touch of a swapped page costs a disk access). */
    static final double SWAP_PENALTY = 20;
    /** The floor: a thrashing guest still makes some progress. */
    static final double SLOWEST = 0.05;

    @Override
    public Pressure reclaim(long physical, long allocated, long workingSet) {
        if (allocated <= physical) {
            return Pressure.NONE;
        }
        long excess = allocated - physical;
        long balloonable = Math.max(0, allocated - workingSet);
        if (excess <= balloonable) {
            return new Pressure(excess, 0, 1);
        }
        long swapped = excess - balloonable;
        double factor = Math.max(SLOWEST, 1 / (1 + SWAP_PENALTY * swapped / (double) Math.max(1, workingSet)));
        return new Pressure(balloonable, swapped, factor);
    }
}
