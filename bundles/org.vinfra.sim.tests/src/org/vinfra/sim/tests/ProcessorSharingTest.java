package org.vinfra.sim.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vinfra.sim.tests.Models.GIB;
import static org.vinfra.sim.tests.Models.KVM;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vinfra.sim.entities.SimModel;
import org.vinfra.sim.entities.SimModel.Spike;
import org.vinfra.sim.entities.SimModel.TimedAction;
import org.vinfra.sim.entities.SimModel.Workload;
import org.vinfra.sim.results.SimulationResult;

/**
 * Workloads of different lengths sharing one VM (processor sharing): each finish changes the share
 * of the others. Expected figures worked out by hand; the VM gets its one vCPU at 1,000 MIPS x 0.98
 * (hardware-assisted virtualization), starting at 30 s (host 20 s + VM 10 s).
 */
class ProcessorSharingTest {

    /**
     * 1, 2 and 3 s of CPU on one vCPU: all three run at a third until the first is done at 3 x 1 s,
     * the two others at a half until the second is done 2 x 1 s later, the last alone 1 s later:
     * 3, 5 and 6 s, over 0.98.
     */
    @Test
    void eachFinishSpeedsUpTheOthers() {
        SimModel model = new SimModel();
        int h = model.add(Models.host("h", 4, 1, 16 * GIB, KVM));
        int v = model.add(Models.vm("v", h, 1, GIB));
        for (int i = 3; i >= 1; i--) {
            model.add(Models.cpu("job" + i, Models.vmTarget(v), i, 1));
        }
        SimulationResult result = Models.run(model, 60);
        assertEquals(3 / 0.98, Models.runtime(result, "job1"), 1e-6);
        assertEquals(5 / 0.98, Models.runtime(result, "job2"), 1e-6);
        assertEquals(6 / 0.98, Models.runtime(result, "job3"), 1e-6);
        assertEquals(2, Models.outcome(result, "job2").cpuSeconds(), 1e-6, "CPU-seconds at 1,000 MIPS, whatever the share");
    }

    /**
     * Weights are threads: a 2-thread workload of 2 x 2 s and a 1-thread one of 1 s on 2 vCPUs
     * (3 threads want 3 CPUs, 2 are there): shares 2/3 and 1/3 of 2 CPUs, i.e. 4/3 and 2/3 CPU. The
     * small one needs 1 s of CPU: done after 1.5 s (of 0.98 speed); the big one has done 2 s of its
     * 4 and then gets both vCPUs: 1 s more. So 1.5 and 2.5 s, over 0.98.
     */
    @Test
    void threadsWeighTheShares() {
        SimModel model = new SimModel();
        int h = model.add(Models.host("h", 4, 1, 16 * GIB, KVM));
        int v = model.add(Models.vm("v", h, 2, GIB));
        model.add(Models.cpu("big", Models.vmTarget(v), 2, 2));
        model.add(Models.cpu("small", Models.vmTarget(v), 1, 1));
        SimulationResult result = Models.run(model, 60);
        assertEquals(1.5 / 0.98, Models.runtime(result, "small"), 1e-6);
        assertEquals(2.5 / 0.98, Models.runtime(result, "big"), 1e-6);
    }

    /**
     * A spike doubles one workload's weight for a while. Two 4 s workloads on one vCPU, counted in
     * CPU-seconds delivered (time x 0.98): half and half for 2 (1 done each); the spike's 3 at 2:1
     * (3 and 2 done); half and half for 2 (the spiked one is done at 7, the other has 3); the other
     * alone for 1 (done at 8).
     */
    @Test
    void aSpikeReweighsARunningWorkload() {
        SimModel model = new SimModel();
        int h = model.add(Models.host("h", 4, 1, 16 * GIB, KVM));
        int v = model.add(Models.vm("v", h, 1, GIB));
        int spiked = model.add(Models.cpu("spiked", Models.vmTarget(v), 4, 1));
        model.add(Models.cpu("steady", Models.vmTarget(v), 4, 1));
        model.add(new TimedAction(30 + 2 / 0.98, new Spike(spiked, 2, 3 / 0.98)));
        SimulationResult result = Models.run(model, 60);
        assertEquals(7 / 0.98, Models.runtime(result, "spiked"), 1e-6);
        assertEquals(8 / 0.98, Models.runtime(result, "steady"), 1e-6);
    }

    /** Many workloads of distinct lengths: the n-th shortest of n equal-thread jobs of i seconds (i = 1..n) ends at sum over j of min(i, j). */
    @Test
    void manyDistinctWorkloadsEndWhereProcessorSharingSays() {
        SimModel model = new SimModel();
        int h = model.add(Models.host("h", 4, 1, 64 * GIB, KVM));
        int v = model.add(Models.vm("v", h, 1, GIB));
        int n = 200;
        for (int i = 1; i <= n; i++) {
            model.add(new Workload("job" + i, Models.vmTarget(v), i * 10.0, 1, 0, 0, 0, 0, Double.NaN, List.of()));
        }
        SimulationResult result = Models.run(model, 600);
        for (int i = 1; i <= n; i++) {
            double cpu = 0;
            for (int j = 1; j <= n; j++) {
                cpu += Math.min(i, j) * 0.01;
            }
            assertEquals(cpu / 0.98, Models.runtime(result, "job" + i), 1e-6, "job" + i);
        }
    }
}
