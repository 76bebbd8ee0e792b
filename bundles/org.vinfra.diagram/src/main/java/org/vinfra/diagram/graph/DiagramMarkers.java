package org.vinfra.diagram.graph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.glsp.server.features.validation.Marker;
import org.eclipse.glsp.server.features.validation.MarkerKind;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.vinfra.lang.workspace.Problem;

/**
 * The validation problems of the models (the same {@link Problem}s, codes and messages as the editor and
 * {@code vinfra validate}) on the diagram's elements: each problem goes to the innermost element the diagram
 * shows that contains its text (a problem on a disk goes to its VM, on a hypervisor to its host); problems
 * outside any shown element (an image, a workload, a syntax error between elements) go to the root.
 * <p>
 * As GLSP {@link Marker}s: label = the code ({@code vinfra.vcpus-exceed-host}), description = the message,
 * kind = {@link MarkerKind#ERROR}, {@link MarkerKind#WARNING} or {@link MarkerKind#INFO}.
 */
public final class DiagramMarkers {

    private final Map<String, List<Problem>> problems;

    private DiagramMarkers(Map<String, List<Problem>> problems) {
        this.problems = problems;
    }

    public static DiagramMarkers none() {
        return new DiagramMarkers(Map.of());
    }

    /**
     * Places the problems on the elements.
     *
     * @param resources the loaded models the problems are about
     * @param index the diagram's ids
     * @param shown whether the diagram has an element of that id (an element inside an expanded group may not)
     */
    static DiagramMarkers of(List<Problem> problems, List<? extends Resource> resources, DiagramIds.Index index, Predicate<String> shown) {
        Map<String, Resource> byPath = new HashMap<>();
        for (Resource resource : resources) {
            if (resource.getURI().isFile()) {
                byPath.put(normalized(Path.of(resource.getURI().toFileString())), resource);
            }
        }
        Map<String, List<Problem>> placed = new LinkedHashMap<>();
        for (Problem problem : problems) {
            String id = DiagramIds.ROOT_ID;
            Resource resource = byPath.get(normalized(problem.file()));
            if (resource instanceof XtextResource xtext && xtext.getParseResult() != null) {
                EObject element = elementAt(xtext, problem);
                EObject shownElement = element == null ? null : DiagramIds.shownElementOf(element);
                String declared = shownElement == null ? null : index.id(shownElement);
                id = declared == null ? DiagramIds.ROOT_ID : nearestShown(declared, shown);
            }
            placed.computeIfAbsent(id, key -> new ArrayList<>()).add(problem);
        }
        placed.replaceAll((id, list) -> Collections.unmodifiableList(list));
        return new DiagramMarkers(Collections.unmodifiableMap(placed));
    }

    private static String normalized(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }

    private static String nearestShown(String id, Predicate<String> shown) {
        for (Optional<String> each = Optional.of(id); each.isPresent(); each = DiagramIds.parentOf(each.get())) {
            if (shown.test(each.get())) {
                return each.get();
            }
        }
        return DiagramIds.ROOT_ID;
    }

    private static EObject elementAt(XtextResource resource, Problem problem) {
        ICompositeNode root = resource.getParseResult().getRootNode();
        int offset = problem.offset() >= 0 ? problem.offset() : offsetOf(root.getText(), problem.line(), problem.column());
        if (offset < 0 || offset > root.getTotalLength()) {
            return null;
        }
        ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(root, Math.min(offset, Math.max(0, root.getTotalLength() - 1)));
        return leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
    }

    private static int offsetOf(String text, int line, int column) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            offset = text.indexOf('\n', offset);
            if (offset < 0) {
                return -1;
            }
            offset++;
        }
        return offset + column - 1;
    }

    /** The ids of the elements that have problems, in the order of the problems. */
    public List<String> elementIds() {
        return List.copyOf(problems.keySet());
    }

    /** The problems on one element (not its children). */
    public List<Problem> problemsOf(String elementId) {
        return problems.getOrDefault(elementId, List.of());
    }

    /** All problems by element id. */
    public Map<String, List<Problem>> byElement() {
        return problems;
    }

    /** The markers of one element (not its children). */
    public List<Marker> markersOf(String elementId) {
        return problemsOf(elementId).stream().map(p -> marker(elementId, p)).toList();
    }

    /** Every marker, element by element. */
    public List<Marker> markers() {
        List<Marker> markers = new ArrayList<>();
        problems.forEach((id, list) -> list.forEach(p -> markers.add(marker(id, p))));
        return markers;
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    private static Marker marker(String elementId, Problem problem) {
        String kind = switch (problem.severity()) {
            case ERROR -> MarkerKind.ERROR;
            case WARNING -> MarkerKind.WARNING;
            case INFO -> MarkerKind.INFO;
        };
        return new Marker(problem.code(), problem.message(), elementId, kind);
    }
}
