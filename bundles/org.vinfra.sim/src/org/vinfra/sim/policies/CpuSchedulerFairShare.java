package org.vinfra.sim.policies;

/**
 * Proportional fair share (water-filling): capacity is split by weight; a runner that wants less
 * than its share keeps what it wants and the rest is split again among the others. This is what
 * time-sharing schedulers converge to (KVM's CFS, Xen's credit scheduler, Docker's cpu-shares).
 */
public final class CpuSchedulerFairShare implements CpuScheduler {

    @Override
    public void allocate(double capacity, double[] demand, double[] weight, double[] allocation, int count) {
        double totalDemand = 0;
        for (int i = 0; i < count; i++) {
            totalDemand += demand[i];
            allocation[i] = 0;
        }
        if (totalDemand <= capacity) {
            System.arraycopy(demand, 0, allocation, 0, count);
            return;
        }
        double left = capacity;
        boolean[] satisfied = new boolean[count];
        int open = count;
        while (open > 0 && left > 1e-12) {
            double weights = 0;
            for (int i = 0; i < count; i++) {
                if (!satisfied[i]) {
                    weights += weight[i];
                }
            }
            boolean anySatisfied = false;
            for (int i = 0; i < count; i++) {
                if (!satisfied[i] && demand[i] - allocation[i] <= left * weight[i] / weights + 1e-12) {
                    left -= demand[i] - allocation[i];
                    allocation[i] = demand[i];
                    satisfied[i] = true;
                    open--;
                    anySatisfied = true;
                }
            }
            if (!anySatisfied) {
                for (int i = 0; i < count; i++) {
                    if (!satisfied[i]) {
                        allocation[i] += left * weight[i] / weights;
                    }
                }
                left = 0;
            }
        }
    }
}
