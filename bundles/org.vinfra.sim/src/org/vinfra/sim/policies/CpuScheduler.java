package org.vinfra.sim.policies;

/** Splits a host's CPU capacity among the VMs and containers that want it. */
public interface CpuScheduler {

    /**
     * @param capacity   what the host delivers, in core-equivalents
     * @param demand     what each runner wants, in CPUs (already capped by its vCPUs or quota)
     * @param weight     each runner's share weight
     * @param allocation out: what each runner gets, in core-equivalents (never above its demand)
     * @param count      how many runners
     */
    void allocate(double capacity, double[] demand, double[] weight, double[] allocation, int count);
}
