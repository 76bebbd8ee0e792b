package org.vinfra.diagram.server.simulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.graph.GNode;
import org.vinfra.diagram.graph.DiagramArgs;
import org.vinfra.diagram.graph.DiagramIds;
import org.vinfra.diagram.graph.DiagramTypes;
import org.vinfra.diagram.graph.TopologyDiagram;
import org.vinfra.lang.model.Replicas;
import org.vinfra.sim.entities.SimModel;
import org.vinfra.sim.results.SimulationResult;

/**
 * Lays a simulation run over a drawing of the diagram: finds the diagram element of each entity the
 * run names, by the names the adapter ({@code ModelToSimulation}) gives them, and collects the loads,
 * phases and problems of each.
 *
 * <table>
 * <caption>What the run names, and where it goes</caption>
 * <tr><th>the run's entity</th><th>the diagram element</th></tr>
 * <tr><td>host {@code lab}, replica {@code rack2}</td><td>{@code host:lab}; {@code host:rack2} when expanded, else the group {@code host:rack}</td></tr>
 * <tr><td>VM {@code web3}, container or compose service {@code db}</td><td>{@code vm:web3} (or the group {@code vm:web}),
 * {@code container:db} or {@code compose:shop/container:db}</td></tr>
 * <tr><td>workload {@code serve1}</td><td>the VM or container it runs on</td></tr>
 * <tr><td>NIC {@code lab.eth0}, datastore {@code lab.ssd}</td><td>{@code host:lab/nic:eth0}, {@code host:lab/datastore:ssd}</td></tr>
 * <tr><td>anything not drawn</td><td>the root, {@code topology}</td></tr>
 * </table>
 *
 * A collapsed replicated element shows its busiest replica at each time, and the problems of all.
 */
public final class SimulationOverlays {

    /** Elements with loads in one overlay at most (the first in the drawing's order): the overlay stays a few MB at worst. */
    public static final int LOAD_LIMIT = 500;
    /** Problems in one overlay at most (the first in time). */
    public static final int FINDING_LIMIT = 1000;

    private SimulationOverlays() {
    }

    /**
     * The overlay of a run for one drawing.
     *
     * @param model   the entities the run simulated ({@code ModelToSimulation.map} of the models drawn and the files they import)
     * @param result  the run's results
     * @param diagram the drawing (its ids, and the model elements behind them)
     * @return an overlay with status {@link SimulationOverlay.Status#SHOWN} and an empty note
     */
    public static SimulationOverlay map(SimModel model, SimulationResult result, TopologyDiagram diagram) {
        double[] times = times(result);
        Names names = new Names(diagram);
        Map<String, List<SimulationOverlay.Phase>> hostPhases = Phases.of(result, Phases.Kind.HOST);
        Map<String, List<SimulationOverlay.Phase>> vmPhases = Phases.of(result, Phases.Kind.VM);
        Map<String, List<SimulationOverlay.Phase>> containerPhases = Phases.of(result, Phases.Kind.CONTAINER);
        Map<String, SimulationResult.Series> series = new HashMap<>();
        for (SimulationResult.Series each : result.series()) {
            series.put(each.entity() + "\u0000" + each.metric(), each);
        }
        Map<String, Integer> hosts = indexOf(model.hosts().stream().map(SimModel.Host::name).toList());
        Map<String, Integer> vms = indexOf(model.vms().stream().map(SimModel.Vm::name).toList());
        Map<String, Integer> containers = indexOf(model.containers().stream().map(SimModel.Container::name).toList());
        DerivedLoads derived = new DerivedLoads(model, result, times);
        Map<String, double[][]> vmLoads = new HashMap<>();
        Map<String, double[][]> containerLoads = new HashMap<>();

        Map<String, SimulationOverlay.Load> loads = new LinkedHashMap<>();
        Map<String, List<SimulationOverlay.Phase>> phases = new LinkedHashMap<>();
        // every VM and container first: a host's memory is the sum of their working sets
        for (int v = 0; v < model.vms().size(); v++) {
            String name = model.vms().get(v).name();
            SimulationResult.Series ready = series.get(name + "\u0000ready");
            vmLoads.put(name, derived.vm(v, vmPhases.getOrDefault(name, List.of()), ready == null ? null : ready.values()));
        }
        for (int c = 0; c < model.containers().size(); c++) {
            String name = model.containers().get(c).name();
            containerLoads.put(name, derived.container(c, containerPhases.getOrDefault(name, List.of())));
        }
        for (Map.Entry<String, List<String>> node : names.entities.entrySet()) {
            String id = node.getKey();
            String type = names.types.get(id);
            List<double[][]> each = new ArrayList<>();
            String cpuCapacity = "";
            String memoryCapacity = "";
            for (String name : node.getValue()) {
                if (DiagramTypes.HOST.equals(type) && hosts.containsKey(name)) {
                    SimModel.Host host = model.hosts().get(hosts.get(name));
                    SimulationResult.Series cpu = series.get(name + "\u0000cpu");
                    each.add(new double[][] { cpu == null ? null : cpu.values(),
                            host.memory() < UNKNOWN_SIZE ? derived.hostMemory(hosts.get(name)) : null });
                    cpuCapacity = host.logicalCpus() + " logical CPUs";
                    memoryCapacity = host.memory() < UNKNOWN_SIZE ? bytes(host.memory()) : "";
                } else if (DiagramTypes.VM.equals(type) && vms.containsKey(name)) {
                    int v = vms.get(name);
                    SimModel.Vm vm = model.vms().get(v);
                    double[][] load = vmLoads.get(name).clone();
                    SimulationResult.Series recordedCpu = series.get(name + "\u0000cpu");
                    if (recordedCpu != null) {
                        load[0] = recordedCpu.values(); // should the engine record it one day
                    }
                    each.add(load);
                    cpuCapacity = vm.vcpus() + (vm.vcpus() == 1 ? " vCPU" : " vCPUs");
                    memoryCapacity = bytes(vm.memory());
                } else if (DiagramTypes.CONTAINER.equals(type) && containers.containsKey(name)) {
                    int c = containers.get(name);
                    SimModel.Container container = model.containers().get(c);
                    each.add(containerLoads.get(name));
                    double cap = derived.containerCap(c);
                    cpuCapacity = String.format(Locale.ROOT, "%s %s", number(cap), cap == 1 ? "CPU" : "CPUs")
                            + (container.cpuQuota() > 0 ? " (its quota)" : " (its machine's)");
                    memoryCapacity = container.memoryLimit() > 0 ? "limit " + bytes(container.memoryLimit()) : "";
                }
            }
            if (node.getValue().size() == 1) {
                String name = node.getValue().get(0);
                List<SimulationOverlay.Phase> own = switch (type) {
                    case DiagramTypes.HOST -> hostPhases.get(name);
                    case DiagramTypes.VM -> vmPhases.get(name);
                    case DiagramTypes.CONTAINER -> containerPhases.get(name);
                    default -> null;
                };
                if (own != null) {
                    phases.put(id, own);
                }
            }
            if (!each.isEmpty() && loads.size() < LOAD_LIMIT) {
                loads.put(id, new SimulationOverlay.Load(busiest(each, 0), busiest(each, 1), cpuCapacity, memoryCapacity,
                        node.getValue().size()));
            }
        }

        List<SimulationOverlay.Finding> findings = new ArrayList<>();
        Map<String, String> runsOn = new HashMap<>();
        for (SimModel.Workload workload : model.workloads()) {
            SimModel.Target target = workload.target();
            if (target.container() && target.index() >= 0 && target.index() < model.containers().size()) {
                runsOn.put(workload.name(), names.container(model.containers().get(target.index()).name()));
            } else if (!target.container() && target.index() >= 0 && target.index() < model.vms().size()) {
                runsOn.put(workload.name(), names.vm(model.vms().get(target.index()).name()));
            }
        }
        List<SimulationResult.Problem> problems = new ArrayList<>(result.problems());
        problems.sort((a, b) -> Double.compare(a.time(), b.time()));
        for (SimulationResult.Problem problem : problems.subList(0, Math.min(problems.size(), FINDING_LIMIT))) {
            String elementId = elementOf(problem, names, runsOn);
            findings.add(new SimulationOverlay.Finding(elementId == null ? DiagramIds.ROOT_ID : elementId, problem.entity(), problem.code(),
                    problem.severity().name().toLowerCase(Locale.ROOT), problem.time(), problem.message()));
        }
        SimulationResult.Run run = result.run();
        return new SimulationOverlay(SimulationOverlay.Status.SHOWN, "", run.duration(), run.endedAt(), run.seed(), times, loads, phases,
                findings);
    }

    /** The same overlay with another status and note. */
    public static SimulationOverlay withStatus(SimulationOverlay overlay, String status, String note) {
        return new SimulationOverlay(status, note, overlay.duration(), overlay.endedAt(), overlay.seed(), overlay.times(), overlay.loads(),
                overlay.phases(), overlay.findings());
    }

    /** An overlay without a run: only a status and a note (simulating for the first time, or the model cannot be simulated). */
    public static SimulationOverlay empty(String status, String note) {
        return new SimulationOverlay(status, note, 0, 0, 0, new double[0], Map.of(), Map.of(), List.of());
    }

    private static final long UNKNOWN_SIZE = 1L << 50;

    private static String elementOf(SimulationResult.Problem problem, Names names, Map<String, String> runsOn) {
        String entity = problem.entity();
        return switch (problem.code()) {
            case "sim.swapping", "sim.host-failed" -> names.host(entity);
            case "sim.placement-failed", "sim.admission-refused", "sim.cpu-contention", "sim.hot-add-refused", "sim.hot-remove-refused" ->
                    names.vm(entity);
            case "sim.oom-kill", "sim.crash-loop" -> names.container(entity);
            case "sim.deadline-missed", "sim.unreachable" -> runsOn.get(entity);
            case "sim.nic-failed", "sim.datastore-full" -> names.part(entity);
            default -> Optional.ofNullable(names.vm(entity)).or(() -> Optional.ofNullable(names.container(entity)))
                    .or(() -> Optional.ofNullable(names.host(entity))).or(() -> Optional.ofNullable(runsOn.get(entity)))
                    .orElse(names.part(entity));
        };
    }

    /** Element by element, the highest of the replicas' values (null when none has values). */
    private static double[] busiest(List<double[][]> loads, int metric) {
        double[] busiest = null;
        for (double[][] load : loads) {
            double[] values = load[metric];
            if (values == null) {
                continue;
            }
            if (busiest == null) {
                busiest = values.clone();
            } else {
                for (int i = 0; i < busiest.length && i < values.length; i++) {
                    busiest[i] = Math.max(busiest[i], values[i]);
                }
            }
        }
        return busiest;
    }

    private static double[] times(SimulationResult result) {
        for (SimulationResult.Series series : result.series()) {
            if (series.times().length > 0) {
                return series.times();
            }
        }
        return new double[] { 0, result.run().endedAt() };
    }

    private static Map<String, Integer> indexOf(List<String> names) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.putIfAbsent(names.get(i), i);
        }
        return index;
    }

    static String bytes(long bytes) {
        double gib = bytes / (double) (1L << 30);
        if (gib >= 1) {
            return number(gib) + " GiB";
        }
        return number(bytes / (double) (1L << 20)) + " MiB";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value).replaceAll("0$", "");
    }

    /** The run's names of the entities each drawn host, VM and container stands for, and the reverse. */
    private static final class Names {
        /** Node id -> the run's names of what it stands for (several for a collapsed group). */
        final Map<String, List<String>> entities = new LinkedHashMap<>();
        final Map<String, String> types = new HashMap<>();
        private final Map<String, String> hosts = new HashMap<>();
        private final Map<String, String> vms = new HashMap<>();
        private final Map<String, String> containers = new HashMap<>();
        /** "host.part" -> the NIC's or datastore's node. */
        private final Map<String, String> parts = new HashMap<>();

        Names(TopologyDiagram diagram) {
            for (GModelElement element : diagram.elements().values()) {
                if (!(element instanceof GNode node)) {
                    continue;
                }
                String type = node.getType();
                Map<String, String> byName = switch (type) {
                    case DiagramTypes.HOST -> hosts;
                    case DiagramTypes.VM -> vms;
                    case DiagramTypes.CONTAINER -> containers;
                    default -> null;
                };
                Optional<EObject> model = diagram.modelElement(node.getId());
                if (byName == null || model.isEmpty()) {
                    continue;
                }
                List<String> own = entityNames(node, model.get());
                if (own.isEmpty()) {
                    continue;
                }
                entities.put(node.getId(), own);
                types.put(node.getId(), type);
                for (String name : own) {
                    byName.put(name, node.getId());
                }
            }
            for (GModelElement element : diagram.elements().values()) {
                if (element instanceof GNode node && (DiagramTypes.NIC.equals(node.getType()) || DiagramTypes.DATASTORE.equals(node.getType()))) {
                    String hostId = DiagramIds.parentOf(node.getId()).orElse(null);
                    List<String> hostNames = hostId == null ? null : entities.get(hostId);
                    if (hostNames != null) {
                        for (String host : hostNames) {
                            parts.putIfAbsent(host + "." + DiagramIds.nameOf(node.getId()), node.getId());
                        }
                    }
                }
            }
        }

        /** A replica's name (web3), a collapsed group's replica names (web1..web20), or the element's name. */
        private static List<String> entityNames(GNode node, EObject element) {
            String name = DiagramIds.nameOf(node.getId());
            if (node.getArgs().get(DiagramArgs.REPLICA_OF) != null) {
                return List.of(name);
            }
            if (Replicas.of(element) != null) {
                return Replicas.names(name, Replicas.of(element));
            }
            return List.of(name);
        }

        String host(String name) {
            return hosts.get(name);
        }

        String vm(String name) {
            return vms.get(name);
        }

        String container(String name) {
            return containers.get(name);
        }

        /** A NIC or datastore ("lab.eth0"); its host's node when the part is not drawn on its own. */
        String part(String name) {
            String part = parts.get(name);
            if (part != null) {
                return part;
            }
            int dot = name.lastIndexOf('.');
            return dot < 0 ? null : hosts.get(name.substring(0, dot));
        }
    }
}
