package org.vinfra.diagram.graph;

import java.util.List;
import java.util.function.Supplier;

import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.server.features.validation.Marker;
import org.eclipse.glsp.server.features.validation.ModelValidator;

/**
 * GLSP's {@link ModelValidator} on the markers of the current diagram: the problems were found by the
 * language's validation when the models were loaded (the editor's and {@code vinfra validate}'s codes and
 * messages); this only hands each element its own. Batch and live validation return the same markers.
 * Bind it in the GLSP diagram module with a supplier of the current {@link TopologyDiagram}'s markers.
 */
public final class TopologyValidator implements ModelValidator {

    private final Supplier<DiagramMarkers> markers;

    public TopologyValidator(Supplier<DiagramMarkers> markers) {
        this.markers = markers;
    }

    @Override
    public List<Marker> doBatchValidation(GModelElement element) {
        return markers.get().markersOf(element.getId());
    }

    @Override
    public List<Marker> doLiveValidation(GModelElement element) {
        return markers.get().markersOf(element.getId());
    }
}
