package org.vinfra.diagram.server.glsp;

import java.util.Map;

import org.eclipse.glsp.graph.GGraph;
import org.eclipse.glsp.graph.builder.impl.GGraphBuilder;
import org.eclipse.glsp.server.features.core.model.GModelFactory;
import org.vinfra.diagram.graph.DiagramIds;
import org.vinfra.diagram.graph.TopologyDiagram;
import org.vinfra.diagram.graph.TopologyGraphBuilder;
import org.vinfra.diagram.layout.Point;
import org.vinfra.diagram.layout.TopologyLayout;
import org.vinfra.diagram.server.simulation.SimulationOverlayService;
import org.vinfra.diagram.server.text.DiagramWorkspace;
import org.vinfra.lang.workspace.ModelSet;

import com.google.inject.Inject;

/**
 * Draws the files as they are on disk: the workspace's snapshot (parsed, linked, validated), the
 * topology graph of it (TopologyGraphBuilder), laid out by ELK with the positions the user pinned
 * (TopologyLayout and the layout sidecar), with the simulation overlay when one is shown
 * ({@link SimulationOverlayService#decorate}). A file that cannot be read gives an empty diagram and
 * the reason.
 */
public class TopologyGModelFactory implements GModelFactory {

    @Inject
    private TopologyModelState modelState;

    @Inject
    private SimulationOverlayService simulation;

    @Override
    public void createGModel() {
        DiagramWorkspace workspace = modelState.workspace();
        synchronized (workspace) {
            try {
                DiagramWorkspace.Snapshot snapshot = workspace.snapshot();
                TopologyDiagram diagram = new TopologyGraphBuilder(modelState.expanded()).build(snapshot.models(), snapshot.problems());
                simulation.decorate(diagram);
                Map<String, Point> pinned = Pinning.positions(workspace.mainFile());
                new TopologyLayout().layout(diagram.graph(), pinned);
                modelState.drawn(snapshot, diagram);
                modelState.loadProblem(null);
                modelState.updateRoot(diagram.graph());
            } catch (ModelSet.UnreadableFileException e) {
                modelState.loadProblem(e.getMessage());
                GGraph empty = new GGraphBuilder().id(DiagramIds.ROOT_ID).build();
                modelState.drawn(null, null);
                modelState.updateRoot(empty);
            }
        }
    }
}
