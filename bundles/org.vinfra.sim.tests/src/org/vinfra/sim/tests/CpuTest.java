package org.vinfra.sim.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vinfra.sim.tests.Models.GIB;
import static org.vinfra.sim.tests.Models.KVM;

import org.junit.jupiter.api.Test;
import org.vinfra.sim.entities.SimModel;
import org.vinfra.sim.entities.SimModel.Hypervisor;
import org.vinfra.sim.entities.Technique;
import org.vinfra.sim.results.SimulationResult;

/** CPU sharing, with each expected figure worked out by hand in the comments. */
class CpuTest {

    private static SimModel fourVms(int cores, int threads, Hypervisor hypervisor) {
        SimModel model = new SimModel();
        int h = model.add(Models.host("h", cores, threads, 64 * GIB, hypervisor));
        for (int i = 1; i <= 4; i++) {
            int v = model.add(Models.vm("v" + i, h, 1, GIB));
            model.add(Models.cpu("job" + i, Models.vmTarget(v), 10, 1));
        }
        return model;
    }

    /** The example: 4 x 10 s of CPU on 2 cores share fairly: 20 s each, plus 2 % for hardware-assisted virtualization. */
    @Test
    void fourVmsOnTwoCoresFinishTogetherAtTwentySecondsPlusOverhead() {
        SimulationResult result = Models.run(fourVms(2, 1, KVM), 200);
        for (int i = 1; i <= 4; i++) {
            assertEquals(30, Models.outcome(result, "job" + i).started(), 1e-9, "host boots in 20 s, the VM in 10 s");
            assertEquals(20 / 0.98, Models.runtime(result, "job" + i), 1e-6);
        }
    }

    /** 2 cores x 2 threads: 4 busy threads give 2 + 2 x 0.25 = 2.5 cores, 0.625 each: 10 s of CPU takes 16 s / 0.98. */
    @Test
    void hyperthreadsGiveLessThanAFullCore() {
        SimulationResult result = Models.run(fourVms(2, 2, KVM), 200);
        assertEquals(16 / 0.98, Models.runtime(result, "job1"), 1e-6);
    }

    /** Type 2 with full virtualization: 15 % for binary translation + 10 % for the host OS; alone, 10 s takes 10 / 0.75. */
    @Test
    void aType2HypervisorWithBinaryTranslationCostsMost() {
        SimModel model = new SimModel();
        int h = model.add(Models.host("laptop", 4, 1, 16 * GIB, new Hypervisor("virtualbox", true, Technique.FULL, 1, 1)));
        int v = model.add(Models.vm("v", h, 1, GIB));
        model.add(Models.cpu("job", Models.vmTarget(v), 10, 1));
        SimulationResult result = Models.run(model, 200);
        assertEquals(10 / 0.75, Models.runtime(result, "job"), 1e-6);
        assertEquals(35 + 24, Models.outcome(result, "job").started(), 1e-9, "host OS 30 s + hypervisor 5 s, then a binary-translated boot of 20 s x 1.2");
    }

    /** Paravirtual: 5 %. */
    @Test
    void paravirtualizationCostsLessThanBinaryTranslation() {
        SimModel model = new SimModel();
        int h = model.add(Models.host("xen", 4, 1, 16 * GIB, new Hypervisor("xen", false, Technique.PARAVIRTUAL, 1, 1)));
        int v = model.add(Models.vm("v", h, 1, GIB));
        model.add(Models.cpu("job", Models.vmTarget(v), 10, 1));
        assertEquals(10 / 0.95, Models.runtime(Models.run(model, 200), "job"), 1e-6);
    }

    /**
     * Unequal demands: on 2 cores, a 2-vCPU VM running 2 threads and a 1-vCPU VM running 1 thread
     * want 3 CPUs. Weights are vCPUs (2:1), so the shares are 4/3 and 2/3 CPUs: the 1-vCPU VM's 10 s
     * job takes 15 s, the 2-thread job (20 s of CPU) runs at 4/3 until the small one ends at 15 s
     * (done: 20 s of CPU? no: 15 x 4/3 = 20), so both end together at 15 s (/ 0.98).
     */
    @Test
    void sharesFollowVcpus() {
        SimModel model = new SimModel();
        int h = model.add(Models.host("h", 2, 1, 16 * GIB, KVM));
        int big = model.add(Models.vm("big", h, 2, GIB));
        int small = model.add(Models.vm("small", h, 1, GIB));
        model.add(Models.cpu("wide", Models.vmTarget(big), 10, 2));
        model.add(Models.cpu("narrow", Models.vmTarget(small), 10, 1));
        SimulationResult result = Models.run(model, 200);
        assertEquals(15 / 0.98, Models.runtime(result, "narrow"), 1e-6);
        assertEquals(15 / 0.98, Models.runtime(result, "wide"), 1e-6);
    }

    /** Ready time: 4 vCPUs want 4 CPUs of 2 for 20.4 s: each VM waits half the time, about 10.2 s. */
    @Test
    void readyTimeIsTheTimeAVcpuWaitsForACpu() {
        SimModel model = fourVms(2, 1, KVM);
        org.vinfra.sim.engine.StackSimulation simulation = new org.vinfra.sim.engine.StackSimulation(model,
                org.vinfra.sim.engine.SimulationOptions.defaults(200));
        simulation.run(null);
        assertEquals(20 / 0.98 / 2, simulation.readySeconds(0), 1e-6);
    }

    @Test
    void theSameModelAndSeedGiveTheSameResult() {
        SimulationResult one = new org.vinfra.sim.engine.StackSimulation(fourVms(2, 2, KVM),
                org.vinfra.sim.engine.SimulationOptions.defaults(100).withJitter(7, 0.2)).run(null);
        SimulationResult two = new org.vinfra.sim.engine.StackSimulation(fourVms(2, 2, KVM),
                org.vinfra.sim.engine.SimulationOptions.defaults(100).withJitter(7, 0.2)).run(null);
        assertEquals(one.timeline(), two.timeline());
        assertEquals(one.workloads(), two.workloads());
        SimulationResult other = new org.vinfra.sim.engine.StackSimulation(fourVms(2, 2, KVM),
                org.vinfra.sim.engine.SimulationOptions.defaults(100).withJitter(8, 0.2)).run(null);
        assertTrue(!one.timeline().equals(other.timeline()), "another seed jitters the boots differently");
    }
}
