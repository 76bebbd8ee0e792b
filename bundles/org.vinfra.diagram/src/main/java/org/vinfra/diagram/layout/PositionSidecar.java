package org.vinfra.diagram.layout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.eclipse.glsp.graph.GGraph;
import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.graph.GNode;
import org.vinfra.diagram.graph.DiagramArgs;
import org.vinfra.diagram.graph.DiagramIds;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.annotations.SerializedName;
import org.vinfra.lang.workspace.AtomicFiles;

/**
 * The positions the user gave elements by moving them in the diagram, kept next to the model in
 * {@code MODEL.vinfra.layout.json} (for {@code lab.vinfra}: {@code lab.vinfra.layout.json}), keyed by element id
 * ({@link DiagramIds}), so that the text stays free of layout:
 *
 * <pre>
 * {
 *   "format": "vinfra-layout",
 *   "version": 1,
 *   "positions": {
 *     "host:laptop": { "x": 40.0, "y": 20.0 },
 *     "vm:app2": { "x": 12.0, "y": 60.0, "replicaOf": "vm:app", "replica": 2 }
 *   },
 *   "declarations": {
 *     "lab.vinfra||host": [ "host:laptop" ],
 *     "lab.vinfra||vm": [ "vm:ubuntu", "vm:web", "vm:app" ]
 *   }
 * }
 * </pre>
 *
 * Positions are relative to the element's parent in the diagram (as GLSP keeps them). {@code declarations}
 * lists, for the scopes that hold a pinned element or one of its ancestors, the ids declared there in the
 * order of the text when the file was last saved (a scope: the file, the declaration that holds the element,
 * and its kind: {@code lab.vinfra|host:laptop|nic} for the NICs of host laptop). With it
 * {@link #reconcile(GGraph)} recognises an element renamed in the text: when, in one scope, exactly one id
 * vanished and exactly one appeared, at the same position in the list, the positions move to the new id
 * (with those of its parts and replicas). A rename done through the diagram calls
 * {@link #rename(String, String)}. Keys are written sorted so the file diffs well, and it is written
 * atomically (a temporary file beside it, then renamed over it).
 */
public final class PositionSidecar {

    public static final String SUFFIX = ".layout.json";
    static final String FORMAT = "vinfra-layout";
    static final int VERSION = 1;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final Path file;
    private final Map<String, Entry> entries = new TreeMap<>();
    private final Map<String, List<String>> declarations = new TreeMap<>();

    /** One position, and for a replica its replicated element. */
    static final class Entry {
        double x;
        double y;
        String replicaOf;
        Integer replica;

        Entry copy() {
            Entry copy = new Entry();
            copy.x = x;
            copy.y = y;
            copy.replicaOf = replicaOf;
            copy.replica = replica;
            return copy;
        }
    }

    /** The JSON document. */
    private static final class Document {
        String format = FORMAT;
        int version = VERSION;
        @SerializedName("positions")
        Map<String, Entry> positions = new TreeMap<>();
        @SerializedName("declarations")
        Map<String, List<String>> declarations = new TreeMap<>();
    }

    private PositionSidecar(Path file) {
        this.file = file;
    }

    /** The sidecar file of a model: {@code lab.vinfra} gives {@code lab.vinfra.layout.json} beside it. */
    public static Path pathFor(Path model) {
        return model.resolveSibling(model.getFileName() + SUFFIX);
    }

    /**
     * The sidecar of a model: read when the file exists, empty otherwise.
     *
     * @throws IOException when the file exists but cannot be read or is not a layout sidecar (the message says which)
     */
    public static PositionSidecar load(Path model) throws IOException {
        PositionSidecar sidecar = new PositionSidecar(pathFor(model));
        String text;
        try {
            text = Files.readString(sidecar.file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return sidecar;
        }
        try {
            JsonObject json = GSON.fromJson(text, JsonObject.class);
            if (json == null || !json.has("format") || !FORMAT.equals(json.get("format").getAsString())) {
                throw new IOException(sidecar.file + ": not a vinfra layout file (no \"format\": \"" + FORMAT + "\")");
            }
            if (json.get("version").getAsInt() > VERSION) {
                throw new IOException(sidecar.file + ": written by a newer vinfra (layout format version " + json.get("version") + ")");
            }
            Document document = GSON.fromJson(json, Document.class);
            if (document.positions != null) {
                document.positions.forEach((id, entry) -> {
                    if (entry != null && Double.isFinite(entry.x) && Double.isFinite(entry.y)) {
                        sidecar.entries.put(id, entry);
                    }
                });
            }
            if (document.declarations != null) {
                document.declarations.forEach((scope, ids) -> {
                    if (ids != null) {
                        sidecar.declarations.put(scope, new ArrayList<>(ids));
                    }
                });
            }
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NullPointerException e) {
            throw new IOException(sidecar.file + ": not valid layout JSON (" + e.getMessage() + ")", e);
        }
        return sidecar;
    }

    /** An empty sidecar for a model (nothing read; {@link #save()} writes it). */
    public static PositionSidecar empty(Path model) {
        return new PositionSidecar(pathFor(model));
    }

    public Path file() {
        return file;
    }

    /** The pinned positions by element id, for {@link TopologyLayout#layout(GGraph, Map)}. */
    public Map<String, Point> positions() {
        Map<String, Point> positions = new LinkedHashMap<>();
        entries.forEach((id, entry) -> positions.put(id, new Point(entry.x, entry.y)));
        return Collections.unmodifiableMap(positions);
    }

    public Optional<Point> position(String id) {
        Entry entry = entries.get(id);
        return entry == null ? Optional.empty() : Optional.of(new Point(entry.x, entry.y));
    }

    /**
     * Pins an element where the user moved it (relative to its parent). For a replica ({@code vm:web3}) the
     * node's {@code replicaOf} and {@code replica} args are kept, so that renaming the replicated element
     * carries it along.
     */
    public void pin(GModelElement node, double x, double y) {
        Entry entry = new Entry();
        entry.x = x;
        entry.y = y;
        if (node.getArgs().get(DiagramArgs.REPLICA_OF) instanceof String group) {
            entry.replicaOf = group;
        }
        if (node.getArgs().get(DiagramArgs.REPLICA) instanceof Integer replica) {
            entry.replica = replica;
        }
        entries.put(node.getId(), entry);
    }

    /** Pins an element by id. */
    public void pin(String id, double x, double y) {
        Entry entry = entries.containsKey(id) ? entries.get(id) : new Entry();
        entry.x = x;
        entry.y = y;
        entries.put(id, entry);
    }

    /** Lets the layout place an element again. */
    public boolean unpin(String id) {
        return entries.remove(id) != null;
    }

    /**
     * A rename done through the diagram: the element's position, and those of its parts ({@code old/...}) and
     * replicas ({@code old3}, {@code old3/...}), move to the new id.
     *
     * @return whether anything moved
     */
    public boolean rename(String oldId, String newId) {
        if (oldId.equals(newId)) {
            return false;
        }
        Map<String, String> prefixes = new LinkedHashMap<>();
        prefixes.put(oldId, newId);
        for (Map.Entry<String, Entry> each : entries.entrySet()) {
            Entry entry = each.getValue();
            if (oldId.equals(entry.replicaOf) && entry.replica != null && each.getKey().equals(DiagramIds.replicaId(oldId, entry.replica))) {
                prefixes.put(each.getKey(), DiagramIds.replicaId(newId, entry.replica));
            }
        }
        Map<String, Entry> moved = new TreeMap<>();
        List<String> removed = new ArrayList<>();
        for (Map.Entry<String, Entry> each : entries.entrySet()) {
            String renamed = renamed(each.getKey(), prefixes);
            if (renamed != null) {
                Entry entry = each.getValue().copy();
                if (entry.replicaOf != null) {
                    String group = renamed(entry.replicaOf, Map.of(oldId, newId));
                    entry.replicaOf = group != null ? group : entry.replicaOf;
                }
                removed.add(each.getKey());
                moved.put(renamed, entry);
            }
        }
        removed.forEach(entries::remove);
        entries.putAll(moved);
        Map<String, List<String>> renamedDeclarations = new TreeMap<>();
        declarations.forEach((scope, ids) -> {
            String[] parts = scope.split("\\|", -1);
            String parent = parts.length == 3 && !parts[1].isEmpty() ? renamed(parts[1], prefixes) : null;
            String key = parent == null ? scope : parts[0] + "|" + parent + "|" + parts[2];
            List<String> renamedIds = new ArrayList<>();
            for (String id : ids) {
                String renamedId = renamed(id, prefixes);
                renamedIds.add(renamedId == null ? id : renamedId);
            }
            renamedDeclarations.put(key, renamedIds);
        });
        declarations.clear();
        declarations.putAll(renamedDeclarations);
        return !moved.isEmpty();
    }

    private static String renamed(String id, Map<String, String> prefixes) {
        for (Map.Entry<String, String> prefix : prefixes.entrySet()) {
            if (id.equals(prefix.getKey())) {
                return prefix.getValue();
            }
            if (id.startsWith(prefix.getKey() + "/")) {
                return prefix.getValue() + id.substring(prefix.getKey().length());
            }
        }
        return null;
    }

    /**
     * Brings the sidecar up to date with the models as the diagram now shows them: carries the positions of an
     * element renamed in the text over to its new id (see the class comment), forgets the positions of elements
     * that are gone, and remembers the declarations of the scopes that matter for the positions kept.
     *
     * @return the renames recognised, old id to new id
     */
    public Map<String, String> reconcile(GGraph graph) {
        Map<String, GModelElement> current = new LinkedHashMap<>();
        collectNodes(graph, current);
        Map<String, List<String>> now = declarationsOf(current);
        Map<String, String> renames = new LinkedHashMap<>();
        // outer scopes first: a renamed host carries its NICs along before their scope is compared
        Map<String, List<String>> previous = new TreeMap<>(declarations);
        List<String> scopes = new ArrayList<>(previous.keySet());
        scopes.sort(Comparator.comparingInt((String scope) -> depth(scope.split("\\|", -1)[1])).thenComparing(Comparator.naturalOrder()));
        for (String scope : scopes) {
            String key = renamedScope(scope, renames);
            List<String> before = previous.get(scope).stream().map(id -> renamedId(id, renames)).toList();
            List<String> after = now.getOrDefault(key, List.of());
            List<String> vanished = before.stream().filter(id -> !after.contains(id)).toList();
            List<String> appeared = after.stream().filter(id -> !before.contains(id)).toList();
            if (vanished.size() == 1 && appeared.size() == 1 && before.indexOf(vanished.get(0)) == after.indexOf(appeared.get(0))) {
                String old = vanished.get(0);
                String renamedTo = appeared.get(0);
                rename(old, renamedTo);
                renames.put(old, renamedTo);
            }
        }
        entries.keySet().removeIf(id -> !current.containsKey(id));
        remember(current, now);
        return renames;
    }

    /** Remembers the declarations of the scopes that matter for the positions kept (call before {@link #save()} after pinning). */
    public void remember(GGraph graph) {
        Map<String, GModelElement> current = new LinkedHashMap<>();
        collectNodes(graph, current);
        remember(current, declarationsOf(current));
    }

    private void remember(Map<String, GModelElement> current, Map<String, List<String>> now) {
        declarations.clear();
        for (Map.Entry<String, Entry> entry : entries.entrySet()) {
            List<String> ids = new ArrayList<>();
            ids.add(entry.getKey());
            if (entry.getValue().replicaOf != null) {
                ids.add(entry.getValue().replicaOf);
            }
            for (String id : ids) {
                for (Optional<String> each = Optional.of(id); each.isPresent(); each = DiagramIds.parentOf(each.get())) {
                    GModelElement node = current.get(each.get());
                    String scope = node == null ? null : scopeOf(node);
                    if (scope != null && now.containsKey(scope)) {
                        declarations.put(scope, now.get(scope));
                    }
                }
            }
        }
    }

    /** The declared elements the diagram shows, by scope, in the order of the text. */
    private static Map<String, List<String>> declarationsOf(Map<String, GModelElement> nodes) {
        Map<String, TreeMap<Integer, String>> ordered = new TreeMap<>();
        for (GModelElement node : nodes.values()) {
            String scope = scopeOf(node);
            if (scope != null) {
                ordered.computeIfAbsent(scope, key -> new TreeMap<>()).put((Integer) node.getArgs().get(DiagramArgs.ORDINAL), node.getId());
            }
        }
        Map<String, List<String>> lists = new TreeMap<>();
        ordered.forEach((scope, ids) -> lists.put(scope, List.copyOf(ids.values())));
        return lists;
    }

    /** {@code file|parent id|kind}, or null for a node that is not a declaration (a replica). */
    private static String scopeOf(GModelElement node) {
        if (!(node.getArgs().get(DiagramArgs.ORDINAL) instanceof Integer) || node.getArgs().get(DiagramArgs.REPLICA_OF) != null) {
            return null;
        }
        String file = node.getArgs().get(DiagramArgs.FILE) instanceof String f ? f : "";
        String parent = DiagramIds.parentOf(node.getId()).orElse("");
        String kind = DiagramIds.kindOf(node.getId()).map(DiagramIds.Kind::word).orElse("?");
        return file + "|" + parent + "|" + kind;
    }

    private static String renamedScope(String scope, Map<String, String> renames) {
        String[] parts = scope.split("\\|", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return scope;
        }
        return parts[0] + "|" + renamedId(parts[1], renames) + "|" + parts[2];
    }

    private static String renamedId(String id, Map<String, String> renames) {
        String renamed = renamed(id, renames);
        return renamed == null ? id : renamed;
    }

    private static int depth(String id) {
        return id.isEmpty() ? 0 : 1 + (int) id.chars().filter(c -> c == '/').count();
    }

    private static void collectNodes(GModelElement parent, Map<String, GModelElement> nodes) {
        for (GModelElement child : parent.getChildren()) {
            if (child instanceof GNode) {
                nodes.put(child.getId(), child);
                collectNodes(child, nodes);
            }
        }
    }

    /** How many positions are kept. */
    public int size() {
        return entries.size();
    }

    /** Writes the sidecar atomically: to a temporary file beside it, then renamed over it; removes it when empty. */
    public void save() throws IOException {
        if (entries.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        Document document = new Document();
        document.positions.putAll(entries);
        document.declarations.putAll(declarations);
        String json = GSON.toJson(document) + "\n";
        AtomicFiles.write(file, json);
    }

    @Override
    public String toString() {
        return file + " " + positions();
    }
}
