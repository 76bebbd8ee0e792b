package org.vinfra.diagram.graph;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.glsp.graph.GGraph;
import org.eclipse.glsp.graph.GModelElement;

/**
 * What {@link TopologyGraphBuilder} builds: the graph, its elements by id, the markers of the validation
 * problems, and the index from ids to model elements.
 *
 * @param graph the GLSP graph (not laid out: see {@code TopologyLayout})
 * @param elements every element of the graph by id (nodes, ports, labels, edges, buttons), in the order built
 * @param markers the validation problems keyed by element id
 * @param index ids to model elements and back
 * @param expandedIds the replicated elements shown expanded
 */
public record TopologyDiagram(GGraph graph, Map<String, GModelElement> elements, DiagramMarkers markers, DiagramIds.Index index,
        Set<String> expandedIds) {

    public TopologyDiagram {
        elements = Collections.unmodifiableMap(elements);
        expandedIds = Set.copyOf(expandedIds);
    }

    public Optional<GModelElement> element(String id) {
        return Optional.ofNullable(elements.get(id));
    }

    /** The model element behind a diagram element (see {@link DiagramIds.Index#element(String)}). */
    public Optional<EObject> modelElement(String id) {
        return index.element(id);
    }

    /** The elements of one GLSP type, in the order built. */
    public List<GModelElement> ofType(String type) {
        return elements.values().stream().filter(e -> type.equals(e.getType())).toList();
    }
}
