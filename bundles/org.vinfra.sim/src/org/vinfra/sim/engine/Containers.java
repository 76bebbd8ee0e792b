package org.vinfra.sim.engine;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.vinfra.sim.engine.Stack.State;
import org.vinfra.sim.entities.SimModel;
import org.vinfra.sim.entities.SimModel.Container;
import org.vinfra.sim.entities.SimModel.Dependency;
import org.vinfra.sim.entities.SimModel.Host;
import org.vinfra.sim.entities.SimModel.Layer;
import org.vinfra.sim.entities.SimModel.Restart;
import org.vinfra.sim.policies.VirtualizationCost;
import org.vinfra.sim.results.SimulationResult.Severity;

/**
 * Containers: start order by their dependencies' conditions (started, healthy, completed), image
 * layers pulled once per host, health checks, exit when their work is done, stop, and restart
 * policies with back-off after a failure or an OOM kill.
 */
final class Containers {

    private final Stack stack;
    private final int upKind;
    private final int healthyKind;
    private final int restartKind;

    final State[] state;
    final boolean[] paused;
    private final double[] healthyAt;
    private final int[] restarts;
    private final int[] workloadsLeft;
    private final IndexLists dependents;
    final IndexLists onHost;
    final IndexLists inVm;
    private final Set<String>[] cachedLayers;

    @SuppressWarnings("unchecked")
    Containers(Stack stack) {
        this.stack = stack;
        upKind = stack.sim.register(this::onUp);
        healthyKind = stack.sim.register(this::onHealthy);
        restartKind = stack.sim.register((c, data) -> tryStart(c));
        SimModel model = stack.model;
        int containers = model.containers().size();
        state = new State[containers];
        paused = new boolean[containers];
        healthyAt = new double[containers];
        restarts = new int[containers];
        workloadsLeft = new int[containers];
        Arrays.fill(state, State.OFF);
        Arrays.fill(healthyAt, Double.NaN);
        int[] hostOwner = new int[containers];
        int[] vmOwner = new int[containers];
        int pairs = 0;
        for (Container container : model.containers()) {
            pairs += container.dependencies().size();
        }
        int[] dependency = new int[pairs];
        int[] dependent = new int[pairs];
        int pair = 0;
        for (int c = 0; c < containers; c++) {
            Container container = model.containers().get(c);
            for (Dependency d : container.dependencies()) {
                dependency[pair] = d.container();
                dependent[pair++] = c;
            }
            hostOwner[c] = container.placement().inVm() ? -1 : container.placement().index();
            vmOwner[c] = container.placement().inVm() ? container.placement().index() : -1;
        }
        dependents = IndexLists.group(containers, dependency, dependent, pairs);
        onHost = IndexLists.byOwner(model.hosts().size(), hostOwner);
        inVm = IndexLists.byOwner(model.vms().size(), vmOwner);
        for (SimModel.Workload workload : model.workloads()) {
            if (workload.target().container()) {
                workloadsLeft[workload.target().index()]++;
            }
        }
        cachedLayers = new Set[model.hosts().size()];
    }

    int hostOf(int c) {
        SimModel.Placement placement = stack.model.containers().get(c).placement();
        return placement.inVm() ? stack.lifecycle.vmHost[placement.index()] : placement.index();
    }

    boolean active(int c) {
        return state[c] == State.RUNNING || state[c] == State.BOOTING;
    }

    void hostUp(int h) {
        for (int i = onHost.start(h); i < onHost.end(h); i++) {
            tryStart(onHost.item(i));
        }
    }

    void vmUp(int v) {
        for (int i = inVm.start(v); i < inVm.end(v); i++) {
            tryStart(inVm.item(i));
        }
    }

    void vmDown(int v) {
        for (int i = inVm.start(v); i < inVm.end(v); i++) {
            int c = inVm.item(i);
            if (active(c)) {
                stop(c, State.FAILED);
            }
        }
    }

    /** Starts a container when its machine runs and its dependencies' conditions hold. */
    void tryStart(int c) {
        if (state[c] == State.BOOTING || state[c] == State.RUNNING || state[c] == State.EXITED) {
            return;
        }
        Container container = stack.model.containers().get(c);
        if (!machineRunning(container)) {
            return;
        }
        for (Dependency dependency : container.dependencies()) {
            if (!satisfied(dependency)) {
                return;
            }
        }
        int h = hostOf(c);
        double pull = 0;
        Host host = stack.model.hosts().get(h);
        for (Layer layer : container.layers()) {
            if (cachedLayers[h] == null) {
                cachedLayers[h] = new HashSet<>();
            }
            if (cachedLayers[h].add(layer.digest())) {
                pull += layer.bytes() * 8.0 / host.nicBitsPerSecond();
            }
        }
        state[c] = State.BOOTING;
        stack.sim.schedule(VirtualizationCost.containerStartSeconds(container.lxc()) + pull, upKind, c, 0);
        if (pull > 0) {
            double seconds = pull;
            stack.recorder.event(stack.now(), "image-pull", container.name(),
                    () -> String.format(Locale.ROOT, "pulling layers not cached on %s: %.2f s", host.name(), seconds));
        }
    }

    private boolean machineRunning(Container container) {
        return container.placement().inVm() ? stack.lifecycle.vmState[container.placement().index()] == State.RUNNING
                : stack.lifecycle.hostUp[container.placement().index()];
    }

    private boolean satisfied(Dependency dependency) {
        int d = dependency.container();
        return switch (dependency.condition()) {
            case STARTED -> state[d] == State.RUNNING || state[d] == State.EXITED;
            case HEALTHY -> state[d] == State.RUNNING && !Double.isNaN(healthyAt[d]) && healthyAt[d] <= stack.now();
            case COMPLETED -> state[d] == State.EXITED;
        };
    }

    private void onUp(int c, long data) {
        if (state[c] != State.BOOTING) {
            return;
        }
        Container container = stack.model.containers().get(c);
        if (!machineRunning(container)) {
            state[c] = State.FAILED;
            return;
        }
        state[c] = State.RUNNING;
        stack.recorder.event(stack.now(), "container-up", container.name(), "running" + (container.lxc() ? " (LXC)" : ""));
        if (!container.sharedNamespaces().isEmpty()) {
            stack.recorder.event(stack.now(), "namespaces", container.name(), "shares the " + String.join(", ", container.sharedNamespaces())
                    + " namespaces of its machine: it sees the machine's " + String.join(", ", container.sharedNamespaces().stream()
                            .map(Containers::whatANamespaceShows).toList()));
        }
        if (container.healthyAfter() >= 0) {
            stack.sim.schedule(container.healthyAfter(), healthyKind, c, restarts[c]);
        }
        int runner = stack.model.vms().size() + c;
        stack.cpu.runnerUp(runner);
        if (!stack.cpu.hasWorkloads(runner) || container.healthyAfter() < 0) {
            startDependents(c);
        }
    }

    private void startDependents(int c) {
        for (int i = dependents.start(c); i < dependents.end(c); i++) {
            tryStart(dependents.item(i));
        }
    }

    private void onHealthy(int c, long attempt) {
        if (state[c] != State.RUNNING || attempt != restarts[c]) {
            return;
        }
        healthyAt[c] = stack.now();
        stack.recorder.event(stack.now(), "container-healthy", stack.model.containers().get(c).name(), "health check passes");
        startDependents(c);
    }

    /** One of the container's workloads finished; when all have, the container exits and its dependents may start. */
    void workloadFinished(int c) {
        if (--workloadsLeft[c] > 0) {
            return;
        }
        state[c] = State.EXITED;
        stack.recorder.event(stack.now(), "container-exit", stack.model.containers().get(c).name(), "exited: its work is done");
        startDependents(c);
    }

    /** Stops a container: its workloads lose their progress. */
    void stop(int c, State newState) {
        state[c] = newState;
        healthyAt[c] = Double.NaN;
        stack.cpu.abortAll(stack.model.vms().size() + c, newState == State.OOM_KILLED ? "killed with its container" : "stopped with its container");
    }

    /** A container whose working set passes its cgroup memory limit is killed by the kernel's OOM killer; its restart policy may restart it. */
    boolean oomKilled(int c) {
        Container container = stack.model.containers().get(c);
        long ws = stack.memory.workingSet(stack.model.vms().size() + c);
        if (container.memoryLimit() <= 0 || ws <= container.memoryLimit()) {
            return false;
        }
        int h = hostOf(c);
        stop(c, State.OOM_KILLED);
        stack.recorder.problem(Severity.ERROR, "sim.oom-kill", container.name(), stack.now(), "Container '" + container.name()
                + "' was killed by the OOM killer: its workloads use " + Stack.gib(ws) + ", above its cgroup memory limit of "
                + Stack.gib(container.memoryLimit()) + ". Raise the limit or reduce the working set.");
        restartLater(c);
        stack.memory.changed(h);
        return true;
    }

    private void restartLater(int c) {
        Container container = stack.model.containers().get(c);
        boolean restartsAgain = container.restart() == Restart.ALWAYS || container.restart() == Restart.UNLESS_STOPPED
                || container.restart() == Restart.ON_FAILURE;
        if (!restartsAgain) {
            return;
        }
        if (restarts[c] >= 5) {
            stack.recorder.problem(Severity.ERROR, "sim.crash-loop", container.name(), stack.now(), "Container '" + container.name()
                    + "' failed " + restarts[c] + " times; its restart policy keeps restarting it into the same failure.");
            return;
        }
        restarts[c]++;
        stack.sim.schedule(Math.pow(2, restarts[c] - 1), restartKind, c, 0);
    }

    /** After its host failed: a container that does not restart has exited for good. */
    void hostFailed(int h) {
        for (int c = 0; c < state.length; c++) {
            if (state[c] == State.FAILED && hostOf(c) == h && stack.model.containers().get(c).restart() == Restart.NO) {
                state[c] = State.EXITED;
            }
        }
    }

    private static String whatANamespaceShows(String namespace) {
        return switch (namespace) {
            case "pid" -> "processes";
            case "network" -> "network interfaces and ports";
            case "ipc" -> "shared memory and message queues";
            case "uts" -> "host name";
            case "mount" -> "file systems";
            case "user" -> "user ids (root inside is root outside)";
            default -> namespace;
        };
    }
}
