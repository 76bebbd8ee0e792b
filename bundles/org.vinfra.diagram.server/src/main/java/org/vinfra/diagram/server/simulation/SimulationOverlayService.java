package org.vinfra.diagram.server.simulation;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.glsp.graph.GGraph;
import org.eclipse.glsp.graph.GLabel;
import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.graph.GNode;
import org.eclipse.glsp.graph.GraphFactory;
import org.vinfra.diagram.graph.DiagramIds;
import org.vinfra.diagram.graph.TopologyDiagram;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.sim.entities.SimModel;
import org.vinfra.sim.lang.ModelToSimulation;
import org.vinfra.sim.results.SimulationResult;

/**
 * The simulation shown over the diagrams of one server (every tab, every drawing): the embedding's
 * entry point. Hand it a run's results and every open diagram redraws with the overlay (hosts and VMs
 * coloured by CPU and memory load at the time the user picks on the slider, problems as badges on
 * their elements); clear it and they redraw without.
 *
 * <pre>
 * SimulationOverlayService overlay = server.simulation();        // DiagramServer, or bound in TopologyDiagramModule
 * SimModel model = ModelToSimulation.map(models.modelsWithImports());
 * SimulationResult result = new StackSimulation(model, options).run(t -&gt; {});
 * overlay.showSimulation(model, result);                          // every tab redraws with it
 * overlay.markStale("the text changed since the run");            // kept, but shown as out of date
 * overlay.clearSimulation();                                      // gone
 * </pre>
 *
 * Thread-safe: call it from any thread; listeners (one per tab) are told after each change, on the
 * caller's thread, and redraw. {@link LiveSimulation} drives it from the files (re-runs on changes).
 */
public final class SimulationOverlayService {

    /** Told when the overlay changed: redraw. */
    public interface Listener {
        void overlayChanged();
    }

    /** The label type of a node's load line (two bars: CPU and memory), added to loaded nodes before layout. */
    public static final String LOAD_LABEL = "label:load";
    /** The figure name of the load label: its id is {@code <element>#load}. */
    public static final String LOAD_FIGURE = "load";
    /** The text the layout measures for the load label; the client draws two bars in its place. */
    static final String LOAD_LABEL_TEXT = "CPU 100% \u00b7 memory 100%";

    private record Run(SimModel model, SimulationResult result) {
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private Run run;
    private String status;
    private String note = "";
    /** The last overlay mapped, for the drawing it was mapped for (tabs redraw the same drawing often). */
    private TopologyDiagram mappedFor;
    private SimulationOverlay mapped;

    /**
     * Shows a run over every diagram.
     *
     * @param model  the entities the run simulated ({@link ModelToSimulation#map} of the models the diagram draws and the files they import)
     * @param result its results
     */
    public void showSimulation(SimModel model, SimulationResult result) {
        synchronized (this) {
            run = new Run(model, result);
            status = SimulationOverlay.Status.SHOWN;
            note = "";
            mapped = null;
        }
        changed();
    }

    /** Shows a run of these models over every diagram (maps them to the engine's entities again to name them). */
    public void showSimulation(List<Model> models, SimulationResult result) {
        showSimulation(ModelToSimulation.map(models), result);
    }

    /** Removes the overlay from every diagram. */
    public void clearSimulation() {
        synchronized (this) {
            run = null;
            status = null;
            note = "";
            mapped = null;
        }
        changed();
    }

    /**
     * Says a run is under way: the previous run's loads stay, marked as such, until {@link #showSimulation} or
     * {@link #markStale}.
     *
     * @param what for the user, e.g. "simulating 10 min"
     */
    public void simulating(String what) {
        setStatus(SimulationOverlay.Status.SIMULATING, what);
    }

    /**
     * Keeps the run shown but marks it out of date (the text changed and it is not simulated again), or, when no run
     * is shown, says why there is none.
     *
     * @param why for the user: what changed, and what to do ("the model has errors: fix them to simulate again")
     */
    public void markStale(String why) {
        setStatus(SimulationOverlay.Status.STALE, why);
    }

    private void setStatus(String newStatus, String newNote) {
        synchronized (this) {
            status = run == null && SimulationOverlay.Status.STALE.equals(newStatus) ? SimulationOverlay.Status.FAILED : newStatus;
            note = newNote == null ? "" : newNote;
            mapped = null;
        }
        changed();
    }

    /** Is an overlay (a run, or a status without one) shown? */
    public synchronized boolean active() {
        return status != null;
    }

    /** The results shown, if any. */
    public synchronized Optional<SimulationResult> result() {
        return run == null ? Optional.empty() : Optional.of(run.result());
    }

    /** The overlay of the current run for this drawing, with the current status and note; empty when none is shown. */
    public synchronized Optional<SimulationOverlay> overlayFor(TopologyDiagram diagram) {
        if (status == null) {
            return Optional.empty();
        }
        if (mapped == null || mappedFor != diagram) {
            SimulationOverlay overlay = run == null ? SimulationOverlays.empty(status, note)
                    : SimulationOverlays.withStatus(SimulationOverlays.map(run.model(), run.result(), diagram), status, note);
            mapped = overlay;
            mappedFor = diagram;
        }
        return Optional.of(mapped);
    }

    /**
     * Adds the overlay to a drawing before it is laid out: the root's {@code simulation} argument (the overlay as
     * JSON), and on each element with loads a load label (room for the client's CPU and memory bars) and the CSS
     * class {@code sim-loaded}. Does nothing when no overlay is shown.
     */
    public void decorate(TopologyDiagram diagram) {
        Optional<SimulationOverlay> overlay = overlayFor(diagram);
        if (overlay.isEmpty()) {
            return;
        }
        GGraph graph = diagram.graph();
        graph.getArgs().put(SimulationOverlay.ROOT_ARG, overlay.get().toJson());
        for (String id : overlay.get().loads().keySet()) {
            GModelElement element = diagram.elements().get(id);
            if (element instanceof GNode node) {
                GLabel label = GraphFactory.eINSTANCE.createGLabel();
                label.setId(DiagramIds.labelId(id, LOAD_FIGURE));
                label.setType(LOAD_LABEL);
                label.setText(LOAD_LABEL_TEXT);
                int after = 0;
                for (int i = 0; i < node.getChildren().size(); i++) {
                    if (node.getChildren().get(i) instanceof GLabel) {
                        after = i + 1;
                    }
                }
                node.getChildren().add(after, label);
                node.getCssClasses().add(SimulationOverlay.CSS_SIMULATED);
            }
        }
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    private void changed() {
        for (Listener listener : listeners) {
            listener.overlayChanged();
        }
    }
}
