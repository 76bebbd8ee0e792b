package org.vinfra.diagram.server.simulation;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.vinfra.diagram.server.text.DiagramWorkspace;
import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.lang.workspace.Problem;
import org.vinfra.sim.engine.SimulationOptions;
import org.vinfra.sim.engine.StackSimulation;
import org.vinfra.sim.entities.SimModel;
import org.vinfra.sim.lang.ModelToSimulation;
import org.vinfra.sim.results.SimulationResult;

/**
 * Keeps a simulation of the workspace's files shown over its diagrams ({@code vinfra diagram --simulate}):
 * simulates once at start, and again each time the text changes (on disk, or by a diagram operation),
 * {@link #DEBOUNCE_MILLIS} after the last change, stopping a run the change made obsolete. While a run
 * is under way the previous one stays shown, marked "simulating"; a model with errors is not simulated:
 * the last run stays, marked stale, with the first error, until the text is fixed.
 */
public final class LiveSimulation implements AutoCloseable {

    /** How long after the last change of the text a new run starts. */
    public static final long DEBOUNCE_MILLIS = 400;

    private final DiagramWorkspace workspace;
    private final SimulationOverlayService overlay;
    private final SimulationOptions options;
    private final Consumer<String> log;
    private final ScheduledExecutorService executor;
    private final DiagramWorkspace.Listener listener = this::textChanged;
    private ScheduledFuture<?> pending;
    private StackSimulation current;
    private long generation;
    private long runs;

    private LiveSimulation(DiagramWorkspace workspace, SimulationOverlayService overlay, SimulationOptions options, Consumer<String> log) {
        this.workspace = workspace;
        this.overlay = overlay;
        this.options = options;
        this.log = log;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vinfra diagram simulation");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts simulating the files (the first run starts at once, in the background) and follows their changes.
     *
     * @param options how long to simulate, the seed...
     * @param log     told one line after each run or refusal, for the user ("simulated 8 min: 2 problems")
     */
    public static LiveSimulation start(DiagramWorkspace workspace, SimulationOverlayService overlay, SimulationOptions options,
            Consumer<String> log) {
        LiveSimulation live = new LiveSimulation(workspace, overlay, options, log);
        overlay.simulating("simulating " + SimulatedTime.of(options.duration()));
        workspace.addListener(live.listener);
        live.schedule(0);
        return live;
    }

    /** How many runs completed (for tests). */
    public synchronized long runs() {
        return runs;
    }

    private void textChanged() {
        overlay.simulating("the text changed: simulating again");
        schedule(DEBOUNCE_MILLIS);
    }

    private synchronized void schedule(long delay) {
        generation++;
        if (pending != null) {
            pending.cancel(false);
        }
        if (current != null) {
            current.requestStop();
        }
        long mine = generation;
        pending = executor.schedule(() -> simulate(mine), delay, TimeUnit.MILLISECONDS);
    }

    private void simulate(long mine) {
        SimModel model;
        synchronized (workspace) {
            DiagramWorkspace.Snapshot snapshot;
            try {
                snapshot = workspace.snapshot();
            } catch (ModelSet.UnreadableFileException e) {
                refuse(mine, e.getMessage());
                return;
            }
            List<Problem> errors = snapshot.problems().stream().filter(Problem::isError).toList();
            if (!errors.isEmpty()) {
                refuse(mine, "the model has " + errors.size() + (errors.size() == 1 ? " error" : " errors") + ", so it is not simulated again (first: "
                        + errors.get(0).format() + "); fix " + (errors.size() == 1 ? "it" : "them") + " to simulate again");
                return;
            }
            model = ModelToSimulation.map(snapshot.models().modelsWithImports());
        }
        StackSimulation simulation = new StackSimulation(model, options);
        synchronized (this) {
            if (mine != generation) {
                return;
            }
            current = simulation;
        }
        overlay.simulating("simulating " + SimulatedTime.of(options.duration()));
        long started = System.nanoTime();
        SimulationResult result = simulation.run(t -> {
        });
        synchronized (this) {
            current = null;
            if (mine != generation || "stopped".equals(result.run().outcome())) {
                return; // the text changed meanwhile: the next run shows
            }
            runs++;
        }
        overlay.showSimulation(model, result);
        long errors = result.count(SimulationResult.Severity.ERROR);
        long warnings = result.count(SimulationResult.Severity.WARNING);
        log.accept(String.format(Locale.ROOT, "simulated %s in %d ms: %s", SimulatedTime.of(result.run().endedAt()),
                (System.nanoTime() - started) / 1_000_000, result.problems().isEmpty() ? "no problems"
                        : errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings")));
    }

    private void refuse(long mine, String why) {
        synchronized (this) {
            if (mine != generation) {
                return;
            }
        }
        overlay.markStale(why);
        log.accept("not simulated: " + why);
    }

    @Override
    public void close() {
        workspace.removeListener(listener);
        synchronized (this) {
            generation++;
            if (current != null) {
                current.requestStop();
            }
        }
        executor.shutdownNow();
    }
}
