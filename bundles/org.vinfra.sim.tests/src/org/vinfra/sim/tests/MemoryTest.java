package org.vinfra.sim.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vinfra.sim.tests.Models.GIB;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vinfra.sim.entities.SimModel;
import org.vinfra.sim.entities.SimModel.Hypervisor;
import org.vinfra.sim.entities.SimModel.TimedAction;
import org.vinfra.sim.entities.Technique;
import org.vinfra.sim.results.SimulationResult;

class MemoryTest {

    @Test
    void admissionRefusesAVmBeyondTheOvercommitRatio() {
        SimModel model = new SimModel();
        int h = model.add(Models.host("h", 8, 1, 8 * GIB, new Hypervisor("kvm", false, Technique.HARDWARE_ASSISTED, 4, 1.0)));
        for (int i = 1; i <= 3; i++) {
            int v = model.add(Models.vm("v" + i, h, 1, 3 * GIB));
            model.add(Models.cpu("job" + i, Models.vmTarget(v), 1, 1));
        }
        SimulationResult result = Models.run(model, 100);
        assertEquals(List.of("sim.admission-refused"), Models.codes(result), "3 x 3 GiB > 8 GiB x 1.0: the third is refused");
        assertTrue(Double.isNaN(Models.outcome(result, "job3").started()));
        assertEquals("v3", result.problems().get(0).entity());
    }

    /**
     * 4 GiB host, ratio 2; two 3 GiB VMs whose workloads use 2.5 GiB (+ 0.25 GiB guest OS): working
     * sets 5.5 GiB, allocated 6 GiB. Ballooning gives back 0.5 GiB, 1.5 GiB is swapped; speed factor
     * 1 / (1 + 20 x 1.5 / 5.5). 10 s of CPU then takes 10 / (0.98 x that).
     */
    @Test
    void workingSetsBeyondTheHostSwapAndSlowDown() {
        SimModel model = new SimModel();
        int h = model.add(Models.host("h", 2, 1, 4 * GIB, new Hypervisor("kvm", false, Technique.HARDWARE_ASSISTED, 4, 2.0)));
        for (int i = 1; i <= 2; i++) {
            int v = model.add(Models.vm("v" + i, h, 1, 3 * GIB));
            model.add(Models.cpu("job" + i, Models.vmTarget(v), 10, (long) (2.5 * GIB)));
        }
        SimulationResult result = Models.run(model, 300);
        double factor = 1 / (1 + 20 * 1.5 / 5.5);
        assertEquals(10 / (0.98 * factor), Models.runtime(result, "job1"), 1e-6);
        assertEquals(List.of("sim.swapping"), Models.codes(result));
    }

    @Test
    void unusedGuestMemoryIsBallooned() {
        SimModel model = new SimModel();
        int h = model.add(Models.host("h", 2, 1, 4 * GIB, new Hypervisor("kvm", false, Technique.HARDWARE_ASSISTED, 4, 2.0)));
        for (int i = 1; i <= 2; i++) {
            int v = model.add(Models.vm("v" + i, h, 1, 3 * GIB));
            model.add(Models.cpu("job" + i, Models.vmTarget(v), 10, GIB));
        }
        SimulationResult result = Models.run(model, 300);
        assertEquals(10 / 0.98, Models.runtime(result, "job1"), 1e-6, "ballooning costs no speed");
        assertTrue(result.timeline().stream().anyMatch(e -> e.kind().equals("ballooning")));
        assertEquals(List.of(), Models.codes(result));
    }

    @Test
    void hotAddUpToTheMaximumAndNeverHotRemove() {
        SimModel model = new SimModel();
        int h = model.add(Models.host("h", 2, 1, 16 * GIB, Models.KVM));
        int v = model.add(new SimModel.Vm("v", h, List.of(), 1, 2 * GIB, 4 * GIB, List.of()));
        model.add(new TimedAction(40, new SimModel.HotAddMemory(v, 2 * GIB)));
        model.add(new TimedAction(50, new SimModel.HotAddMemory(v, GIB)));
        model.add(new TimedAction(60, new SimModel.HotRemoveMemory(v, GIB)));
        SimulationResult result = Models.run(model, 100);
        assertTrue(result.timeline().stream().anyMatch(e -> e.kind().equals("hot-add") && e.message().contains("now 4 GiB")));
        assertEquals(List.of("sim.hot-add-refused", "sim.hot-remove-refused"), Models.codes(result));
        assertTrue(result.problems().get(1).message().contains("not hot-removing"), result.problems().get(1).message());
    }
}
