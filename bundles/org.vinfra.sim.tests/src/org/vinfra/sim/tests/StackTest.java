package org.vinfra.sim.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vinfra.sim.tests.Models.GIB;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vinfra.sim.core.EventQueue;
import org.vinfra.sim.core.Simulation;
import org.vinfra.sim.entities.SimModel;
import org.vinfra.sim.entities.SimModel.Attachment;
import org.vinfra.sim.entities.SimModel.Condition;
import org.vinfra.sim.entities.SimModel.Container;
import org.vinfra.sim.entities.SimModel.Dependency;
import org.vinfra.sim.entities.SimModel.Flow;
import org.vinfra.sim.entities.SimModel.Hypervisor;
import org.vinfra.sim.entities.SimModel.Layer;
import org.vinfra.sim.entities.SimModel.Network;
import org.vinfra.sim.entities.SimModel.NetworkMode;
import org.vinfra.sim.entities.SimModel.Placement;
import org.vinfra.sim.entities.SimModel.Restart;
import org.vinfra.sim.entities.SimModel.TimedAction;
import org.vinfra.sim.entities.SimModel.Workload;
import org.vinfra.sim.results.SimulationResult;

/** Boot order, containers, faults, the network and the event core. */
class StackTest {

    private static Container container(String name, int host, long memoryLimit, double healthyAfter, Restart restart,
            List<Dependency> dependencies, List<Layer> layers) {
        return new Container(name, false, Placement.host(host), 0, 1024, memoryLimit, healthyAfter, restart, dependencies, List.of(), layers);
    }

    private static double eventTime(SimulationResult result, String kind, String entity) {
        return result.timeline().stream().filter(e -> e.kind().equals(kind) && e.entity().equals(entity)).findFirst().orElseThrow().time();
    }

    /** A container host boots in 30 s; db starts in 0.5 s and is healthy 5 s later; web waits for that, then takes 0.5 s. */
    @Test
    void containersStartInDependencyOrderWithHealthChecks() {
        SimModel model = new SimModel();
        int h = model.add(Models.host("docker-host", 4, 1, 16 * GIB, Hypervisor.NONE));
        int db = model.add(container("db", h, 0, 5, Restart.NO, List.of(), List.of()));
        model.add(container("web", h, 0, -1, Restart.NO, List.of(new Dependency(db, Condition.HEALTHY)), List.of()));
        SimulationResult result = Models.run(model, 100);
        assertEquals(30.5, eventTime(result, "container-up", "db"), 1e-9);
        assertEquals(35.5, eventTime(result, "container-healthy", "db"), 1e-9);
        assertEquals(36.0, eventTime(result, "container-up", "web"), 1e-9);
    }

    /** Layers are pulled once per host: 100 MB at 1 Gbps is 0.8 s; the second container shares the base layer and pulls only its own 10 MB. */
    @Test
    void aSharedBaseLayerIsPulledOncePerHost() {
        SimModel model = new SimModel();
        int h = model.add(Models.host("docker-host", 4, 1, 16 * GIB, Hypervisor.NONE));
        Layer base = new Layer("sha256:base", 100_000_000);
        int a = model.add(container("a", h, 0, -1, Restart.NO, List.of(), List.of(base)));
        model.add(container("b", h, 0, -1, Restart.NO, List.of(new Dependency(a, Condition.STARTED)), List.of(base,
                new Layer("sha256:b", 10_000_000))));
        SimulationResult result = Models.run(model, 100);
        assertEquals(30 + 0.5 + 0.8, eventTime(result, "container-up", "a"), 1e-9);
        assertEquals(31.3 + 0.5 + 0.08, eventTime(result, "container-up", "b"), 1e-9);
    }

    @Test
    void aContainerAboveItsMemoryLimitIsOomKilledAndItsRestartPolicyReacts() {
        SimModel model = new SimModel();
        int h = model.add(Models.host("docker-host", 4, 1, 16 * GIB, Hypervisor.NONE));
        int c = model.add(container("app", h, 256L << 20, -1, Restart.ALWAYS, List.of(), List.of()));
        model.add(Models.cpu("leaky", Models.containerTarget(c), 10, 512L << 20));
        SimulationResult result = Models.run(model, 200);
        List<String> codes = Models.codes(result);
        assertEquals("sim.oom-kill", codes.get(0));
        assertEquals(6, codes.stream().filter("sim.oom-kill"::equals).count(), "killed, then restarted 5 times by 'always'");
        assertTrue(codes.contains("sim.crash-loop"));
    }

    @Test
    void aFailedHostTakesItsVmsDownAndTheirWorkRestartsWhenItRecovers() {
        SimModel model = new SimModel();
        int h = model.add(Models.host("h", 2, 1, 8 * GIB, Models.KVM));
        int v = model.add(Models.vm("v", h, 1, GIB));
        model.add(Models.cpu("job", Models.vmTarget(v), 30, 1));
        model.add(new TimedAction(40, new SimModel.Fail(h)));
        model.add(new TimedAction(50, new SimModel.Recover(h)));
        SimulationResult result = Models.run(model, 200);
        assertTrue(Models.codes(result).contains("sim.host-failed"));
        assertEquals(50 + 20 + 10, Models.outcome(result, "job").started(), 1e-9, "restarted from scratch after the host and VM boot again");
        assertEquals(30 / 0.98, Models.runtime(result, "job"), 1e-6);
    }

    @Test
    void aWorkloadPastItsDeadlineIsAProblem() {
        SimModel model = new SimModel();
        int h = model.add(Models.host("h", 1, 1, 8 * GIB, Models.KVM));
        int v = model.add(Models.vm("v", h, 1, GIB));
        model.add(new Workload("report", Models.vmTarget(v), 20_000, 1, 0, 0, 0, 0, 45, List.of()));
        SimulationResult result = Models.run(model, 100);
        assertTrue(Models.outcome(result, "report").missedDeadline());
        assertEquals(List.of("sim.deadline-missed"), Models.codes(result));
    }

    @Test
    void flowsPassOnSharedNetworksAndThroughForwardedPortsOnly() {
        SimModel model = new SimModel();
        int h = model.add(Models.host("h", 8, 1, 32 * GIB, Models.KVM));
        int lan = model.add(new Network("lan", NetworkMode.NAT, h, List.of(8080)));
        int secret = model.add(new Network("secret", NetworkMode.INTERNAL, h, List.of()));
        int web = model.add(Models.vm("web", h, 1, GIB, List.of(new Attachment(lan, false))));
        int db = model.add(Models.vm("db", h, 1, GIB, List.of(new Attachment(secret, false))));
        int client = model.add(Models.vm("client", h, 1, GIB, List.of(new Attachment(-1, true))));
        model.add(new Workload("talk", Models.vmTarget(client), 1000, 1, 0, 0, 0, 0, Double.NaN,
                List.of(new Flow(Models.vmTarget(web), 8080, 1e8), new Flow(Models.vmTarget(db), 5432, 1e8))));
        SimulationResult result = Models.run(model, 100);
        List<SimulationResult.Problem> unreachable = result.problems().stream().filter(p -> p.code().equals("sim.unreachable")).toList();
        assertEquals(1, unreachable.size(), result.problems().toString());
        assertTrue(unreachable.get(0).message().contains("'db'") && unreachable.get(0).message().contains("internal"),
                unreachable.get(0).message());
    }

    /** The queue against a plain priority queue by (time, order added), over many events, ties and events for the current instant. */
    @Test
    void theEventQueueTakesEventsAsASortByTimeThenOrderAddedWould() {
        EventQueue queue = new EventQueue();
        java.util.PriorityQueue<double[]> reference = new java.util.PriorityQueue<>(
                java.util.Comparator.<double[]>comparingDouble(e -> e[0]).thenComparingDouble(e -> e[1]));
        java.util.SplittableRandom random = new java.util.SplittableRandom(4);
        double now = 0;
        int added = 0;
        int polled = 0;
        for (int step = 0; step < 300_000; step++) {
            if (reference.isEmpty() || random.nextInt(10) < 6) {
                // the current instant, a tie with a later event, or any time ahead
                double time = switch (random.nextInt(3)) {
                    case 0 -> now;
                    case 1 -> now + random.nextInt(1, 20);
                    default -> now + random.nextDouble() * 100;
                };
                queue.add(time, 7, added, added * 3L);
                reference.add(new double[] { time, added++ });
            } else {
                double[] expected = reference.poll();
                queue.poll();
                now = queue.polledTime();
                assertEquals(expected[0], now, "time of event " + polled);
                assertEquals((int) expected[1], queue.polledSubject(), "event " + polled + " at " + now);
                assertEquals(expected[1] * 3, queue.polledData());
                polled++;
            }
        }
        assertTrue(polled > 100_000 && added - polled > 1_000, polled + " taken, " + (added - polled) + " left");
    }

    @Test
    void theCoreRunsEventsInTimeOrderAndFifoOnTies() {
        EventQueue queue = new EventQueue();
        queue.add(2, 0, 1, 0);
        queue.add(1, 0, 2, 0);
        queue.add(2, 0, 3, 0);
        queue.add(0.5, 0, 4, 0);
        StringBuilder order = new StringBuilder();
        while (!queue.isEmpty()) {
            queue.poll();
            order.append(queue.polledSubject());
        }
        assertEquals("4213", order.toString());
        Simulation simulation = new Simulation();
        int[] count = { 0 };
        int[] kind = new int[1];
        kind[0] = simulation.register((subject, data) -> {
            count[0]++;
            simulation.schedule(1, kind[0], subject, data);
        });
        simulation.schedule(0, kind[0], 0, 0);
        assertEquals(Simulation.Outcome.REACHED_END_TIME, simulation.run(9.5));
        assertEquals(10, count[0], "events at 0, 1, ... 9");
        assertEquals(9.5, simulation.now());
    }

    /**
     * A 10 GiB datastore with 4 GiB used; a VM's thin disk grows by the 12 GiB its workload writes over
     * 20 s of CPU (0.6 GiB/s at full speed, 0.6 x 0.98 with the overhead): the 6 GiB left fill after
     * 10 / 0.98 s, and the VM is paused there.
     */
    @Test
    void aFullDatastorePausesTheVmsWhoseThinDisksGrowOnIt() {
        SimModel model = new SimModel();
        int h = model.add(Models.host("h", 2, 1, 8 * GIB, Models.KVM));
        int d = model.add(new SimModel.Datastore("h.local", h, 10 * GIB, 4 * GIB));
        int v = model.add(new SimModel.Vm("v", h, List.of(), 1, GIB, GIB, List.of(), List.of(new SimModel.Disk(d, 40 * GIB, true))));
        model.add(new Workload("etl", Models.vmTarget(v), 20_000, 1, 0, 0, 0, 0, Double.NaN, List.of(), 12 * GIB));
        SimulationResult result = Models.run(model, 200);
        SimulationResult.Problem full = result.problems().stream().filter(p -> p.code().equals("sim.datastore-full")).findFirst().orElseThrow();
        assertEquals(30 + 10 / 0.98, full.time(), 1e-6);
        assertTrue(full.message().contains("paused v"), full.message());
        assertTrue(Double.isNaN(Models.outcome(result, "etl").finished()), "a paused VM's workload does not finish");
    }

    @Test
    void aContainerSharingNamespacesSeesItsMachine() {
        SimModel model = new SimModel();
        int h = model.add(Models.host("docker-host", 4, 1, 16 * GIB, Hypervisor.NONE));
        model.add(new Container("agent", false, Placement.host(h), 0, 1024, 0, -1, Restart.NO, List.of(), List.of(), List.of(),
                List.of("pid", "network")));
        SimulationResult result = Models.run(model, 60);
        SimulationResult.Event event = result.timeline().stream().filter(e -> e.kind().equals("namespaces")).findFirst().orElseThrow();
        assertTrue(event.message().contains("processes") && event.message().contains("network interfaces"), event.message());
    }

    /** Two flows from host a to host b want 800 Mbps each; a's 1 Gbps NIC is the bottleneck: 500 Mbps each (max-min fairness). */
    @Test
    void flowsShareTheNicFairly() {
        SimModel model = new SimModel();
        int a = model.add(Models.host("a", 4, 1, 16 * GIB, Models.KVM));
        int b = model.add(Models.host("b", 4, 1, 16 * GIB, Models.KVM));
        int lan = model.add(new Network("lan", NetworkMode.BRIDGED, -1, List.of()));
        int client = model.add(Models.vm("client", a, 2, GIB, List.of(new Attachment(lan, false))));
        int server = model.add(Models.vm("server", b, 2, GIB, List.of(new Attachment(lan, false))));
        model.add(new Workload("upload1", Models.vmTarget(client), 60_000, 1, 0, 0, 0, 0, Double.NaN,
                List.of(new Flow(Models.vmTarget(server), 0, 800e6))));
        model.add(new Workload("upload2", Models.vmTarget(client), 60_000, 1, 0, 0, 0, 0, Double.NaN,
                List.of(new Flow(Models.vmTarget(server), 0, 800e6))));
        SimulationResult result = Models.run(model, 60);
        assertTrue(result.timeline().stream().anyMatch(e -> e.kind().equals("flow-limited") && e.message().contains("gets 500.0 Mbps of the 800.0")),
                result.timeline().toString());
        SimulationResult.Series nic = result.series().stream().filter(s -> s.entity().equals("a") && s.metric().equals("network")).findFirst()
                .orElseThrow();
        assertEquals(1000, java.util.Arrays.stream(nic.values()).max().orElseThrow(), 1e-6, "the NIC carries its full 1 Gbps");
    }

    @Test
    void aFailedNicCutsTrafficBetweenHosts() {
        SimModel model = new SimModel();
        int a = model.add(Models.host("a", 4, 1, 16 * GIB, Models.KVM));
        int b = model.add(Models.host("b", 4, 1, 16 * GIB, Models.KVM));
        int lan = model.add(new Network("lan", NetworkMode.BRIDGED, -1, List.of()));
        int client = model.add(Models.vm("client", a, 2, GIB, List.of(new Attachment(lan, false))));
        int server = model.add(Models.vm("server", b, 2, GIB, List.of(new Attachment(lan, false))));
        model.add(new Workload("upload", Models.vmTarget(client), 60_000, 1, 0, 0, 0, 0, Double.NaN,
                List.of(new Flow(Models.vmTarget(server), 0, 100e6))));
        model.add(new TimedAction(40, new SimModel.FailNic(b, "eth0")));
        SimulationResult result = Models.run(model, 60);
        assertTrue(Models.codes(result).contains("sim.nic-failed"));
        assertEquals(40, eventTime(result, "flow-cut", "upload"), 1e-9);
    }

    /** Paused for 10 s in the middle of 20 s of CPU: it ends 10 s later than it would have. */
    @Test
    void aPausedVmMakesNoProgress() {
        SimModel model = new SimModel();
        int h = model.add(Models.host("h", 2, 1, 8 * GIB, Models.KVM));
        int v = model.add(Models.vm("v", h, 1, GIB));
        model.add(Models.cpu("job", Models.vmTarget(v), 20, 1));
        model.add(new TimedAction(35, new SimModel.Pause(Models.vmTarget(v))));
        model.add(new TimedAction(45, new SimModel.Resume(Models.vmTarget(v))));
        assertEquals(20 / 0.98 + 10, Models.runtime(Models.run(model, 200), "job"), 1e-6);
    }

    /** A container pinned to one CPU of a 4-core host runs its 2 threads on that one: 10 s of CPU per thread takes 20 s. */
    @Test
    void aPinnedContainerUsesOnlyItsCpus() {
        SimModel model = new SimModel();
        int h = model.add(Models.host("docker-host", 4, 1, 16 * GIB, Hypervisor.NONE));
        int c = model.add(new Container("pinned", false, Placement.host(h), 0, 1024, 0, -1, Restart.NO, List.of(), List.of(), List.of(),
                List.of(), 1));
        model.add(Models.cpu("job", Models.containerTarget(c), 10, 2));
        assertEquals(20, Models.runtime(Models.run(model, 100), "job"), 1e-6);
    }
}
