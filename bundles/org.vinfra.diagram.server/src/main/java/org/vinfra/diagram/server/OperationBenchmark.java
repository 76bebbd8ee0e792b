package org.vinfra.diagram.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.glsp.graph.GBoundsAware;
import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.graph.util.GraphUtil;
import org.eclipse.glsp.server.actions.Action;
import org.eclipse.glsp.server.features.directediting.ApplyLabelEditOperation;
import org.eclipse.glsp.server.features.undoredo.UndoAction;
import org.eclipse.glsp.server.operations.ChangeBoundsOperation;
import org.eclipse.glsp.server.operations.CreateEdgeOperation;
import org.eclipse.glsp.server.operations.CreateNodeOperation;
import org.eclipse.glsp.server.types.ElementAndBounds;
import org.vinfra.diagram.graph.DiagramTypes;
import org.vinfra.diagram.server.glsp.OperationTimings;

import com.google.inject.Injector;

/**
 * Times diagram operations on a copy of a lab, through the GLSP server as the browser drives it: from
 * an operation's arrival at the server to its text written to disk (planned with ModelEdits and
 * checked on a re-parsed copy, written atomically), and to the diagram redrawn (re-parsed, validated,
 * laid out). Operations: set a VM's vCPUs (label edit), create a VM in a host, connect a VM to a
 * network, move a VM (pinned position), and undo.
 */
public final class OperationBenchmark {

    private OperationBenchmark() {
    }

    public static void run(Injector language, Path lab, int warmup, int rounds, PrintWriter out) throws Exception {
        Path dir = Files.createTempDirectory("vinfra-diagram-benchmark");
        Path file = dir.resolve(lab.getFileName());
        Files.copy(lab, file);
        Map<String, List<Long>> written = new LinkedHashMap<>();
        Map<String, List<Long>> redrawn = new LinkedHashMap<>();
        try (HeadlessSession session = new HeadlessSession(language, file)) {
            String host = first(session, DiagramTypes.HOST).orElseThrow(() -> new IllegalArgumentException(lab + " has no host to benchmark with"));
            String vm = first(session, DiagramTypes.VM).orElseThrow(() -> new IllegalArgumentException(lab + " has no VM to benchmark with"));
            String network = first(session, DiagramTypes.NETWORK).orElse(null);
            OperationTimings.take();
            for (int round = 0; round < warmup + rounds; round++) {
                boolean measured = round >= warmup;
                time(session, measured, "set vCPUs (label edit)", new ApplyLabelEditOperation(vm + "#vcpus", String.valueOf(otherVcpus(session, vm))),
                        written, redrawn);
                GBoundsAware hostBox = (GBoundsAware) session.element(host);
                time(session, measured, "create VM in a host", new CreateNodeOperation(DiagramTypes.VM,
                        GraphUtil.point(hostBox.getPosition().getX() + 20, hostBox.getPosition().getY() + hostBox.getSize().getHeight() - 20), host),
                        written, redrawn);
                time(session, measured, "undo", new UndoAction(), null, redrawn);
                if (network != null) {
                    time(session, measured, "connect VM to network (vNIC)", new CreateEdgeOperation(DiagramTypes.EDGE_VNIC, vm, network), written, redrawn);
                    time(session, measured, "undo", new UndoAction(), null, redrawn);
                }
                GBoundsAware vmBox = (GBoundsAware) session.element(vm);
                ElementAndBounds bounds = new ElementAndBounds();
                bounds.setElementId(vm);
                bounds.setNewPosition(GraphUtil.point(vmBox.getPosition().getX() + (round % 2 == 0 ? 10 : -10), vmBox.getPosition().getY()));
                bounds.setNewSize(GraphUtil.dimension(vmBox.getSize().getWidth(), vmBox.getSize().getHeight()));
                time(session, measured, "move VM (pin its position)", new ChangeBoundsOperation(List.of(bounds)), written, redrawn);
            }
        } finally {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException ignored) {
                // a temporary folder
            }
        }
        out.printf(Locale.ROOT, "diagram operations on %s, %d rounds after %d warm-up rounds (median, best, worst):%n", lab.getFileName(), rounds, warmup);
        for (String kind : redrawn.keySet()) {
            List<Long> toFile = written.get(kind);
            out.printf(Locale.ROOT, "  %-32s %s%s%n", kind, toFile == null ? "" : "to the file written " + stats(toFile) + "; ",
                    "to the diagram redrawn " + stats(redrawn.get(kind)));
        }
        out.flush();
    }

    private static void time(HeadlessSession session, boolean measured, String kind, Action operation, Map<String, List<Long>> written,
            Map<String, List<Long>> redrawn) throws Exception {
        long start = System.nanoTime();
        session.dispatch(operation);
        long total = System.nanoTime() - start;
        List<OperationTimings.Timing> timings = OperationTimings.take();
        if (!measured) {
            return;
        }
        redrawn.computeIfAbsent(kind, k -> new ArrayList<>()).add(total);
        if (written != null) {
            if (timings.isEmpty()) {
                throw new IllegalStateException(kind + " wrote nothing: " + session.messages());
            }
            written.computeIfAbsent(kind, k -> new ArrayList<>()).add(timings.get(timings.size() - 1).nanos());
        }
    }

    /** A vCPU count other than the VM's current one. */
    private static int otherVcpus(HeadlessSession session, String vm) {
        int current = 1;
        if (session.has(vm + "#vcpus") && session.element(vm + "#vcpus") instanceof org.eclipse.glsp.graph.GLabel label) {
            String digits = label.getText().replaceAll("[^0-9].*$", "");
            current = digits.isEmpty() ? 1 : Integer.parseInt(digits);
        }
        return current % 7 + 1;
    }

    private static String stats(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "%.1f ms (%.1f, %.1f)", sorted.get(sorted.size() / 2) / 1e6, sorted.get(0) / 1e6,
                sorted.get(sorted.size() - 1) / 1e6);
    }

    private static Optional<String> first(HeadlessSession session, String type) {
        List<GModelElement> all = new ArrayList<>();
        collect(session.root(), type, all);
        return all.stream().filter(e -> !e.getArgs().containsKey("replicaOf")).map(GModelElement::getId).findFirst();
    }

    private static void collect(GModelElement element, String type, List<GModelElement> found) {
        for (GModelElement child : element.getChildren()) {
            if (type.equals(child.getType())) {
                found.add(child);
            }
            collect(child, type, found);
        }
    }
}
