package org.vinfra.diagram.server.glsp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.glsp.graph.GGraph;
import org.eclipse.glsp.graph.GModelElement;
import org.vinfra.diagram.layout.Point;
import org.vinfra.diagram.layout.PositionSidecar;
import org.vinfra.diagram.server.text.DiagramWorkspace;

/**
 * The positions the user gave elements by moving them, in the layout sidecar next to the first model
 * file ({@code MODEL.vinfra.layout.json}, {@link PositionSidecar}: keyed by element id, relative to
 * the parent). A diagram operation needs the sidecar's new text (to write it with the model files as
 * one undo step), so the sidecar is edited in a scratch copy and its text read back.
 */
public final class Pinning {

    private Pinning() {
    }

    /** The sidecar of a model file: {@code lab.vinfra} gives {@code lab.vinfra.layout.json}. */
    public static Path sidecarOf(Path modelFile) {
        return PositionSidecar.pathFor(modelFile);
    }

    /** The pinned positions (empty when there are none, or when the sidecar is damaged: the layout decides then). */
    public static Map<String, Point> positions(Path modelFile) {
        try {
            return PositionSidecar.load(modelFile).positions();
        } catch (IOException e) {
            return Map.of();
        }
    }

    /** The positions in a sidecar's text (for tests). */
    public static Map<String, Point> read(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            Path scratch = Files.createTempDirectory("vinfra-layout");
            try {
                Path model = scratch.resolve("model.vinfra");
                Files.writeString(sidecarOf(model), text, StandardCharsets.UTF_8);
                return PositionSidecar.load(model).positions();
            } finally {
                delete(scratch);
            }
        } catch (IOException e) {
            return Map.of();
        }
    }

    /** What a change of the sidecar does to its text. */
    public interface Edit {
        void apply(PositionSidecar sidecar);
    }

    /**
     * The sidecar's text after an edit (null when it ends up empty: no file).
     *
     * @param graph the diagram as drawn (the sidecar remembers the declarations around pinned elements)
     */
    public static String edited(Path modelFile, GGraph graph, Edit edit) throws IOException {
        Path scratch = Files.createTempDirectory("vinfra-layout");
        try {
            Path model = scratch.resolve(modelFile.getFileName().toString());
            String current = DiagramWorkspace.readOrNull(sidecarOf(modelFile));
            if (current != null) {
                Files.writeString(sidecarOf(model), current, StandardCharsets.UTF_8);
            }
            PositionSidecar sidecar;
            try {
                sidecar = PositionSidecar.load(model);
            } catch (IOException e) {
                sidecar = PositionSidecar.empty(model); // a damaged sidecar is replaced
            }
            edit.apply(sidecar);
            if (graph != null) {
                sidecar.remember(graph);
            }
            sidecar.save();
            return DiagramWorkspace.readOrNull(sidecarOf(model));
        } finally {
            delete(scratch);
        }
    }

    /** Pins a node (keeps a replica's group, see {@link PositionSidecar#pin(GModelElement, double, double)}). */
    static Edit pin(GModelElement node, Point point) {
        return sidecar -> sidecar.pin(node, point.x(), point.y());
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
