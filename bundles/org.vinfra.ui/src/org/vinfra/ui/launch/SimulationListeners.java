package org.vinfra.ui.launch;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

import org.eclipse.core.resources.IFile;
import org.vinfra.sim.results.SimulationResult;

/**
 * Who wants the results of "Run As &gt; vinfra Simulation" besides the Simulation Results view: an open
 * diagram of the file draws them as its overlay. Listeners are told on the thread that ran the simulation.
 */
public final class SimulationListeners {

    private static final List<BiConsumer<IFile, SimulationResult>> LISTENERS = new CopyOnWriteArrayList<>();

    private SimulationListeners() {
    }

    public static void add(BiConsumer<IFile, SimulationResult> listener) {
        LISTENERS.add(listener);
    }

    public static void remove(BiConsumer<IFile, SimulationResult> listener) {
        LISTENERS.remove(listener);
    }

    static void simulated(IFile file, SimulationResult result) {
        for (BiConsumer<IFile, SimulationResult> listener : LISTENERS) {
            listener.accept(file, result);
        }
    }
}
