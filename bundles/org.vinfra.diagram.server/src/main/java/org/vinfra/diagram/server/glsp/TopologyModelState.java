package org.vinfra.diagram.server.glsp;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.glsp.server.model.DefaultGModelState;
import org.vinfra.diagram.graph.TopologyDiagram;
import org.vinfra.diagram.server.text.DiagramWorkspace;

import com.google.inject.Inject;

/**
 * One browser tab's diagram: the shared {@link DiagramWorkspace} (the files), the snapshot and
 * diagram last drawn from them, and the replicated elements this tab shows expanded. Never dirty:
 * every operation is written to the files at once.
 */
public class TopologyModelState extends DefaultGModelState {

    @Inject
    private DiagramWorkspace workspace;

    private DiagramWorkspace.Snapshot snapshot;
    private TopologyDiagram diagram;
    private final Set<String> expanded = new LinkedHashSet<>();
    private DiagramWorkspace.Listener listener;
    private String loadProblem;
    private volatile List<String> selected = List.of();

    public DiagramWorkspace workspace() {
        return workspace;
    }

    public DiagramWorkspace.Snapshot snapshot() {
        return snapshot;
    }

    public TopologyDiagram diagram() {
        return diagram;
    }

    void drawn(DiagramWorkspace.Snapshot newSnapshot, TopologyDiagram newDiagram) {
        this.snapshot = newSnapshot;
        this.diagram = newDiagram;
    }

    /** Why the files could not be read at the last drawing, or null. */
    public String loadProblem() {
        return loadProblem;
    }

    void loadProblem(String problem) {
        this.loadProblem = problem;
    }

    /** The ids the user has selected in this tab, as the client last said. */
    public List<String> selected() {
        return selected;
    }

    void selected(List<String> ids) {
        this.selected = List.copyOf(ids);
    }

    public Set<String> expanded() {
        return expanded;
    }

    /** The model element behind a diagram id (a node, port, label or edge), from the last drawing. */
    public Optional<EObject> element(String id) {
        return diagram == null ? Optional.empty() : diagram.modelElement(id);
    }

    public DiagramWorkspace.Listener listener() {
        return listener;
    }

    void listener(DiagramWorkspace.Listener newListener) {
        this.listener = newListener;
    }

    @Override
    public boolean isDirty() {
        return false;
    }
}
