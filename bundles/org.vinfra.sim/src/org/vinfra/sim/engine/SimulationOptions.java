package org.vinfra.sim.engine;

import org.vinfra.sim.policies.CpuScheduler;
import org.vinfra.sim.policies.CpuSchedulerFairShare;
import org.vinfra.sim.policies.MemoryReclamation;
import org.vinfra.sim.policies.MemoryReclamationBalloonThenSwap;
import org.vinfra.sim.policies.PlacementPolicy;
import org.vinfra.sim.policies.PlacementPolicyFirstFit;

/**
 * How to run: for how long, with which seed and policies, how often to sample, and how many
 * entities get time series of their own (the cluster as a whole always has them).
 */
public record SimulationOptions(double duration, long seed, double bootJitter, double sampleInterval, int seriesLimit,
        CpuScheduler cpuScheduler, MemoryReclamation memoryReclamation, PlacementPolicy placement) {

    /** No jitter: boot times are the documented figures, so results can be worked out by hand. */
    public static SimulationOptions defaults(double duration) {
        return new SimulationOptions(duration, 1, 0, Math.max(1, duration / 200), 50, new CpuSchedulerFairShare(),
                new MemoryReclamationBalloonThenSwap(), new PlacementPolicyFirstFit());
    }

    /** Boot times vary by up to +/- jitter/2 (a fraction), drawn from the seed. */
    public SimulationOptions withJitter(long newSeed, double jitter) {
        return new SimulationOptions(duration, newSeed, jitter, sampleInterval, seriesLimit, cpuScheduler, memoryReclamation, placement);
    }

    public SimulationOptions withSampleInterval(double interval) {
        return new SimulationOptions(duration, seed, bootJitter, interval, seriesLimit, cpuScheduler, memoryReclamation, placement);
    }
}
