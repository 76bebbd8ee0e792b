package org.vinfra.diagram.server.glsp;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.glsp.graph.GBoundsAware;
import org.eclipse.glsp.graph.GGraph;
import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.graph.GPoint;
import org.eclipse.glsp.server.operations.Operation;
import org.eclipse.glsp.server.operations.OperationHandler;
import org.vinfra.diagram.layout.Point;
import org.vinfra.diagram.server.text.DiagramWorkspace;
import org.vinfra.diagram.server.text.TextChange;
import org.vinfra.lang.edit.EditResult;
import org.vinfra.lang.edit.ModelEdits;

import com.google.inject.Inject;

/**
 * A GLSP operation handler whose operations become text: it plans the change (with
 * {@link ModelEdits}, against the snapshot the diagram was drawn from) and
 * {@link TextOperationActionHandler} writes it. An operation that touches several elements (a delete
 * of a selection, a move that changes a VM's host and pins positions) is planned as steps, each
 * against the files as the previous step left them; together they are one undo step.
 */
public abstract class TextOperationHandler<O extends Operation> implements OperationHandler<O> {

    @Inject
    protected TopologyModelState state;

    /** The steps of an operation; each is planned after the previous one was written. */
    public List<Supplier<Plan>> steps(O operation) {
        return List.of(() -> plan(operation));
    }

    /** One step's plan. */
    protected abstract Plan plan(O operation);

    @Override
    public Optional<Command> createCommand(O operation) {
        // the text is the model: TextOperationActionHandler writes the plan, there is no EMF command
        return Optional.empty();
    }

    protected ModelEdits edits() {
        return state.workspace().language().getInstance(ModelEdits.class);
    }

    protected DiagramWorkspace.Snapshot snapshot() {
        return state.snapshot();
    }

    /** The resource of the first file given (where new elements go). */
    protected Resource mainResource() {
        Path main = state.workspace().mainFile();
        return snapshot().models().resourceSet().getResource(URI.createFileURI(main.toString()), false);
    }

    /** The text change an applied edit means, against the snapshot's texts. */
    protected TextChange toChange(EditResult.Applied applied) {
        Map<Path, String> before = new LinkedHashMap<>();
        Map<Path, String> after = new LinkedHashMap<>();
        applied.edits().forEach((uri, list) -> {
            Path file = DiagramWorkspace.normalize(Path.of(uri.toFileString()));
            String text = snapshot().text(file);
            if (text == null) {
                text = DiagramWorkspace.readOrNull(file);
            }
            before.put(file, text);
            after.put(file, applied.apply(uri, text == null ? "" : text));
        });
        return new TextChange(applied.description(), before, after, applied.notes());
    }

    /** The plan of a {@link ModelEdits} answer. */
    protected Plan toPlan(EditResult result) {
        if (result instanceof EditResult.Refused refused) {
            return Plan.refuse(refused.reason());
        }
        EditResult.Applied applied = (EditResult.Applied) result;
        return applied.isEmpty() ? Plan.nothing() : Plan.write(toChange(applied));
    }

    /** The plan of a {@link ModelEdits} answer, with positions pinned in the sidecar in the same step. */
    protected Plan toPlan(EditResult result, Map<String, Point> pins) {
        Plan plan = toPlan(result);
        if (plan instanceof Plan.Write write && !pins.isEmpty()) {
            return Plan.write(write.change().then(pinChange(write.change().label(), pins)));
        }
        return plan;
    }

    /** Pins positions (relative to the parent) in the layout sidecar. */
    protected TextChange pinChange(String label, Map<String, Point> pins) {
        return sidecarChange(label, sidecar -> pins.forEach((id, point) -> {
            Optional<GModelElement> node = shown(id);
            if (node.isPresent()) {
                sidecar.pin(node.get(), point.x(), point.y());
            } else {
                sidecar.pin(id, point.x(), point.y());
            }
        }));
    }

    /** A change of the layout sidecar, as text. */
    protected TextChange sidecarChange(String label, Pinning.Edit edit) {
        Path sidecar = Pinning.sidecarOf(state.workspace().mainFile());
        String before = DiagramWorkspace.readOrNull(sidecar);
        String after;
        try {
            after = Pinning.edited(state.workspace().mainFile(), state.getRoot() instanceof GGraph graph ? graph : null, edit);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("the layout sidecar " + sidecar + " cannot be written: " + e.getMessage(), e);
        }
        Map<Path, String> b = new LinkedHashMap<>();
        b.put(sidecar, before);
        Map<Path, String> a = new LinkedHashMap<>();
        a.put(sidecar, after);
        return new TextChange(label, b, a);
    }

    /** The model element behind a diagram id. */
    protected Optional<EObject> element(String id) {
        return id == null ? Optional.empty() : state.element(id);
    }

    protected Optional<GModelElement> shown(String id) {
        return id == null ? Optional.empty() : state.getIndex().get(id);
    }

    /** The nearest element of one of the types, starting at the element itself. */
    protected static GModelElement nearest(GModelElement element, List<String> types) {
        for (GModelElement each = element; each != null; each = each.getParent()) {
            if (types.contains(each.getType())) {
                return each;
            }
        }
        return null;
    }

    /** An element's top-left corner in diagram coordinates. */
    protected static Point absolute(GModelElement element) {
        double x = 0;
        double y = 0;
        for (GModelElement each = element; each != null; each = each.getParent()) {
            if (each instanceof GBoundsAware bounds && each.getParent() != null && bounds.getPosition() != null) {
                x += bounds.getPosition().getX();
                y += bounds.getPosition().getY();
            }
        }
        return new Point(x, y);
    }

    protected static Point relative(GPoint absolute, GModelElement parent) {
        Point origin = parent == null ? new Point(0, 0) : absolute(parent);
        return new Point(absolute.getX() - origin.x(), absolute.getY() - origin.y());
    }

    /** The loaded files could not be read: the reason as a refusal. */
    protected Plan unreadable() {
        String problem = state.loadProblem();
        return Plan.refuse(problem == null ? "the diagram is not loaded yet" : problem);
    }
}
