package org.vinfra.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.glsp.graph.GEdge;
import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.graph.util.GraphUtil;
import org.eclipse.glsp.server.actions.Action;
import org.eclipse.glsp.server.features.directediting.ApplyLabelEditOperation;
import org.eclipse.glsp.server.features.directediting.LabelEditValidator;
import org.eclipse.glsp.server.features.directediting.RequestEditValidationAction;
import org.eclipse.glsp.server.features.undoredo.RedoAction;
import org.eclipse.glsp.server.features.undoredo.UndoAction;
import org.eclipse.glsp.server.operations.ChangeBoundsOperation;
import org.eclipse.glsp.server.operations.CreateEdgeOperation;
import org.eclipse.glsp.server.operations.CreateNodeOperation;
import org.eclipse.glsp.server.operations.DeleteOperation;
import org.eclipse.glsp.server.operations.ReconnectEdgeOperation;
import org.eclipse.glsp.server.types.ElementAndBounds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.vinfra.diagram.server.HeadlessSession;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The live diagram editor's server (GLSP, as {@code ./vinfra diagram} runs it) under random operations on
 * random elements of any model without syntax errors: create, connect, reconnect, move, rename, set a
 * value, delete, undo and redo. Every action is handled (a refusal is a message in vinfra's words) and
 * the file it writes never gets a syntax error.
 */
class DiagramFuzzTest {

    private static final String[] NODE_TYPES = { "node:host", "node:vm", "node:network", "node:container", "node:compose", "node:service" };

    private static Path folder;

    @BeforeAll
    static void folder() throws Exception {
        folder = Files.createTempDirectory("vinfra-fuzz-diagram");
    }

    @AfterAll
    static void clean() throws Exception {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @FuzzTest
    void operations(FuzzedDataProvider data) throws Exception {
        Choices input = Choices.of(data);
        int steps = input.next(1, 6);
        int[][] choices = new int[steps][];
        String[] words = new String[steps];
        for (int i = 0; i < steps; i++) {
            choices[i] = new int[] { input.next(0, 9), input.next(0, 1 << 16), input.next(0, 1 << 16), input.next(-50, 3000) };
            words[i] = input.word();
        }
        String text = input.text;
        if (Fuzzing.load(text).hasSyntaxErrors()) {
            return;
        }
        Path file = folder.resolve("lab.vinfra");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.deleteIfExists(folder.resolve("lab.vinfra.layout.json"));
        String context = text + String.join("", words);
        try (HeadlessSession glsp = new HeadlessSession(Fuzzing.language(), file)) {
            check(glsp, context);
            for (int i = 0; i < steps; i++) {
                Action action = action(glsp, choices[i], words[i]);
                if (action != null) {
                    glsp.dispatch(action);
                    check(glsp, context);
                }
                String written = Files.readString(file, StandardCharsets.UTF_8);
                Fuzzing.Loaded loaded = Fuzzing.load(written);
                assertFalse(loaded.hasSyntaxErrors(), () -> action + " wrote a file with syntax errors: " + loaded.problems() + "\n" + written);
            }
        }
    }

    private static void check(HeadlessSession glsp, String context) {
        for (String message : glsp.messages()) {
            Fuzzing.checkMessage(context, message);
        }
    }

    private static Action action(HeadlessSession glsp, int[] choice, String word) {
        List<String> nodes = new ArrayList<>();
        List<String> edges = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (GModelElement element : all(glsp.root())) {
            if (element instanceof GEdge) {
                edges.add(element.getId());
            } else if (element.getId().contains("#")) {
                labels.add(element.getId());
            } else if (element != glsp.root()) {
                nodes.add(element.getId());
            }
        }
        nodes.add(glsp.root().getId());
        int a = choice[1];
        int b = choice[2];
        double at = choice[3];
        return switch (choice[0]) {
            case 0 -> new CreateNodeOperation(NODE_TYPES[a % NODE_TYPES.length], GraphUtil.point(at, at / 2), pick(nodes, b));
            case 1 -> new CreateEdgeOperation("edge:vnic", pick(nodes, a), pick(nodes, b));
            case 2 -> edges.isEmpty() ? null : new ReconnectEdgeOperation(pick(edges, a), pick(nodes, b), pick(nodes, a + b));
            case 3 -> new DeleteOperation(List.of(pick(nodes, a)));
            case 4 -> new ChangeBoundsOperation(List.of(bounds(pick(nodes, a), at)));
            case 5 -> labels.isEmpty() ? null : new ApplyLabelEditOperation(pick(labels, a), word);
            case 6 -> labels.isEmpty() ? null : new RequestEditValidationAction(LabelEditValidator.CONTEXT_ID, pick(labels, a), word);
            case 7 -> new UndoAction();
            case 8 -> new RedoAction();
            default -> edges.isEmpty() ? null : new DeleteOperation(List.of(pick(edges, a)));
        };
    }

    private static ElementAndBounds bounds(String id, double at) {
        ElementAndBounds bounds = new ElementAndBounds();
        bounds.setElementId(id);
        bounds.setNewPosition(GraphUtil.point(at, at));
        bounds.setNewSize(GraphUtil.dimension(100, 60));
        return bounds;
    }

    private static List<GModelElement> all(GModelElement root) {
        List<GModelElement> all = new ArrayList<>();
        all.add(root);
        for (int i = 0; i < all.size(); i++) {
            all.addAll(all.get(i).getChildren());
        }
        return all;
    }

    private static String pick(List<String> list, int index) {
        return list.get(index % list.size());
    }
}
