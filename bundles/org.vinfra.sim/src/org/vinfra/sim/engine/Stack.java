package org.vinfra.sim.engine;

import java.util.Locale;
import java.util.SplittableRandom;

import org.vinfra.sim.core.Simulation;
import org.vinfra.sim.entities.SimModel;
import org.vinfra.sim.entities.SimModel.Target;

/**
 * What the concerns of a run share: the model, the options, the event core, the recorder, the
 * random source of the jitter, and each other (one class per concern: {@link Lifecycle},
 * {@link Cpu}, {@link Memory}, {@link Storage}, {@link Containers}, {@link Faults},
 * {@link Timeline}, {@link NetworkModel}). The concerns talk to each other by direct calls within an
 * instant and through events of the core across time.
 */
final class Stack {

    /** The state of a VM, a container or a workload. */
    enum State {
        OFF, BOOTING, RUNNING, FAILED, REFUSED, EXITED, OOM_KILLED
    }

    final SimModel model;
    final SimulationOptions options;
    final Simulation sim = new Simulation();
    final Recorder recorder;
    private final SplittableRandom random;

    Lifecycle lifecycle;
    Containers containers;
    Cpu cpu;
    Memory memory;
    Storage storage;
    Faults faults;
    Timeline timeline;
    NetworkModel network;

    Stack(SimModel model, SimulationOptions options) {
        this.model = model;
        this.options = options;
        this.random = new SplittableRandom(options.seed());
        this.recorder = new Recorder(model, options);
    }

    double now() {
        return sim.now();
    }

    /** A boot time varied by +/- jitter/2 (a fraction), drawn from the seed. */
    double jitter(double seconds) {
        return options.bootJitter() == 0 ? seconds : seconds * (1 + options.bootJitter() * (random.nextDouble() - 0.5));
    }

    /** The runner index of a VM or container: VMs first, then containers. */
    int runner(Target target) {
        return target.container() ? model.vms().size() + target.index() : target.index();
    }

    int hostOf(Target target) {
        return target.container() ? containers.hostOf(target.index()) : lifecycle.vmHost[target.index()];
    }

    boolean running(Target target) {
        return target.container() ? containers.state[target.index()] == State.RUNNING : lifecycle.vmState[target.index()] == State.RUNNING;
    }

    String name(Target target) {
        return target.container() ? model.containers().get(target.index()).name() : model.vms().get(target.index()).name();
    }

    static String gib(long bytes) {
        if (bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        }
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30));
    }
}
