package org.vinfra.diagram;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.glsp.graph.GEdge;
import org.eclipse.glsp.graph.GLabel;
import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.graph.GNode;
import org.vinfra.diagram.graph.DiagramIds;
import org.vinfra.diagram.graph.TopologyDiagram;

/** What a user reads off a diagram: which nodes, inside what, which edges, which labels. */
public final class Diagrams {

    private Diagrams() {
    }

    public static GModelElement element(TopologyDiagram diagram, String id) {
        return diagram.element(id).orElseThrow(() -> new AssertionError("no element " + id + " in the diagram; it has " + nodeIds(diagram)));
    }

    /** The id of the element's parent in the diagram. */
    public static String parentOf(TopologyDiagram diagram, String id) {
        GModelElement parent = element(diagram, id).getParent();
        return parent == null ? null : parent.getId();
    }

    public static List<String> nodeIds(TopologyDiagram diagram) {
        return diagram.elements().values().stream().filter(GNode.class::isInstance).map(GModelElement::getId).toList();
    }

    public static List<GEdge> edges(TopologyDiagram diagram) {
        return diagram.elements().values().stream().filter(GEdge.class::isInstance).map(GEdge.class::cast).toList();
    }

    /** The text of a label of an element ({@code figure} as in {@link DiagramIds#labelId}). */
    public static String label(TopologyDiagram diagram, String elementId, String figure) {
        return ((GLabel) element(diagram, DiagramIds.labelId(elementId, figure))).getText();
    }

    /** The label text of an edge, or null. */
    public static String edgeLabel(TopologyDiagram diagram, String edgeId) {
        GModelElement edge = element(diagram, edgeId);
        for (GModelElement child : edge.getChildren()) {
            if (child instanceof GLabel label) {
                return label.getText();
            }
        }
        return null;
    }

    /** Every node below an element (children, their children...). */
    public static List<GNode> nodesBelow(GModelElement element) {
        List<GNode> nodes = new ArrayList<>();
        for (GModelElement child : element.getChildren()) {
            if (child instanceof GNode node) {
                nodes.add(node);
                nodes.addAll(nodesBelow(node));
            }
        }
        return nodes;
    }
}
