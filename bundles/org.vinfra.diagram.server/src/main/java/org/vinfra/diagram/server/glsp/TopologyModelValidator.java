package org.vinfra.diagram.server.glsp;

import java.util.List;

import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.graph.GModelRoot;
import org.eclipse.glsp.server.features.validation.Marker;
import org.eclipse.glsp.server.features.validation.MarkerKind;
import org.eclipse.glsp.server.features.validation.ModelValidator;
import org.vinfra.diagram.graph.DiagramMarkers;
import org.vinfra.diagram.graph.TopologyValidator;

import com.google.inject.Inject;

/**
 * The markers: the language's validation problems (the editor's codes and messages), each on the
 * element that contains its text (the diagram's {@link DiagramMarkers}); a file that cannot be read
 * is an error on the diagram itself.
 */
public class TopologyModelValidator implements ModelValidator {

    @Inject
    private TopologyModelState state;

    private final TopologyValidator delegate = new TopologyValidator(this::markers);

    private DiagramMarkers markers() {
        return state.diagram() == null ? DiagramMarkers.none() : state.diagram().markers();
    }

    @Override
    public List<Marker> doBatchValidation(GModelElement element) {
        return validate(element);
    }

    @Override
    public List<Marker> doLiveValidation(GModelElement element) {
        return validate(element);
    }

    private List<Marker> validate(GModelElement element) {
        if (element instanceof GModelRoot && state.loadProblem() != null) {
            return List.of(new Marker("vinfra.unreadable", state.loadProblem(), element.getId(), MarkerKind.ERROR));
        }
        return delegate.doBatchValidation(element);
    }
}
