package org.vinfra.formats.compose;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.vinfra.formats.ImportException;
import org.vinfra.formats.Position;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML document as the compose importer reads it: mappings, lists and scalars, each with the file
 * and the place it comes from (an extended service keeps the positions of the file it comes from).
 * Anchors and aliases are resolved, {@code <<} merge keys merged (keys written in the mapping win,
 * then the merged mappings in order, as YAML 1.1 says), and a key written twice is an error.
 */
public final class YamlTree {

    private YamlTree() {
    }

    /** What a scalar is, as YAML resolves it: {@code 1} is an INT, {@code "1"} a STRING. */
    public enum Kind {
        STRING, INT, FLOAT, BOOL, NULL
    }

    public sealed interface Node permits MapNode, ListNode, Scalar {
        Position at();
    }

    public record Entry(Scalar key, Node value) {
    }

    /** A mapping; its entries keep the order of the file. */
    public record MapNode(Position at, Map<String, Entry> entries) implements Node {
        public Node get(String key) {
            Entry entry = entries.get(key);
            return entry == null ? null : entry.value();
        }

        public boolean has(String key) {
            return entries.containsKey(key);
        }

        public Set<String> keys() {
            return entries.keySet();
        }

        /** The scalar text under {@code key}, or null when absent, null, or not a scalar. */
        public String text(String key) {
            return get(key) instanceof Scalar scalar && scalar.kind() != Kind.NULL ? scalar.text() : null;
        }

        public MapNode with(String key, Node value) {
            Map<String, Entry> copy = new LinkedHashMap<>(entries);
            Entry old = entries.get(key);
            copy.put(key, new Entry(old != null ? old.key() : new Scalar(value.at(), key, Kind.STRING), value));
            return new MapNode(at, copy);
        }

        public MapNode without(String key) {
            Map<String, Entry> copy = new LinkedHashMap<>(entries);
            copy.remove(key);
            return new MapNode(at, copy);
        }
    }

    public record ListNode(Position at, List<Node> items) implements Node {
    }

    public record Scalar(Position at, String text, Kind kind) implements Node {
        public boolean isNull() {
            return kind == Kind.NULL;
        }
    }

    /** Reads a YAML document; an empty document is an empty mapping. */
    public static Node load(Path file, String text) throws ImportException {
        org.yaml.snakeyaml.nodes.Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10_000);
            options.setCodePointLimit(Integer.MAX_VALUE);
            options.setNestingDepthLimit(200);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new ImportException(new Position(file, mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1),
                    "This is not valid YAML: " + e.getProblem() + (e.getContext() != null ? " (" + e.getContext() + ")" : "")
                            + ". Fix the file at this place and import it again.");
        } catch (YAMLException | IllegalArgumentException e) {
            // SnakeYAML refuses some input with an IllegalArgumentException and no place (a tag with spaces: !" x")
            throw new ImportException(new Position(file, 1, 1), "This is not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            return new MapNode(new Position(file, 1, 1), Map.of());
        }
        return new Converter(file).convert(root);
    }

    /** SnakeYAML's nodes to ours, merging {@code <<} keys; shared (aliased) nodes are converted once. */
    private static final class Converter {
        private final Path file;
        private final Map<org.yaml.snakeyaml.nodes.Node, Node> done = new IdentityHashMap<>();
        private final Set<org.yaml.snakeyaml.nodes.Node> converting = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

        Converter(Path file) {
            this.file = file;
        }

        Position at(org.yaml.snakeyaml.nodes.Node node) {
            Mark mark = node.getStartMark();
            return new Position(file, mark.getLine() + 1, mark.getColumn() + 1);
        }

        Node convert(org.yaml.snakeyaml.nodes.Node node) throws ImportException {
            Node known = done.get(node);
            if (known != null) {
                return known;
            }
            if (!converting.add(node)) {
                throw new ImportException(at(node), "This alias refers to the node that contains it: a recursive YAML structure cannot be imported.");
            }
            Node converted = switch (node) {
                case ScalarNode scalar -> scalar(scalar);
                case SequenceNode sequence -> {
                    List<Node> items = new ArrayList<>();
                    for (org.yaml.snakeyaml.nodes.Node item : sequence.getValue()) {
                        items.add(convert(item));
                    }
                    yield new ListNode(at(node), List.copyOf(items));
                }
                case MappingNode mapping -> mapping(mapping);
                default -> throw new ImportException(at(node), "Unexpected YAML node " + node.getNodeId());
            };
            converting.remove(node);
            done.put(node, converted);
            return converted;
        }

        Scalar scalar(ScalarNode node) {
            Tag tag = node.getTag();
            Kind kind = Tag.INT.equals(tag) ? Kind.INT
                    : Tag.FLOAT.equals(tag) ? Kind.FLOAT
                    : Tag.BOOL.equals(tag) ? Kind.BOOL
                    : Tag.NULL.equals(tag) ? Kind.NULL
                    : Kind.STRING;
            return new Scalar(at(node), node.getValue(), kind);
        }

        MapNode mapping(MappingNode node) throws ImportException {
            Map<String, Entry> own = new LinkedHashMap<>();
            List<MapNode> merged = new ArrayList<>();
            for (NodeTuple tuple : node.getValue()) {
                org.yaml.snakeyaml.nodes.Node keyNode = tuple.getKeyNode();
                if (keyNode instanceof ScalarNode keyScalar && (Tag.MERGE.equals(keyNode.getTag()) || "<<".equals(keyScalar.getValue())
                        && keyScalar.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN)) {
                    Node value = convert(tuple.getValueNode());
                    if (value instanceof MapNode map) {
                        merged.add(map);
                    } else if (value instanceof ListNode list && list.items().stream().allMatch(MapNode.class::isInstance)) {
                        list.items().forEach(item -> merged.add((MapNode) item));
                    } else {
                        throw new ImportException(at(tuple.getValueNode()), "A merge key '<<' takes a mapping (an alias such as *common) or a list"
                                + " of mappings; this is neither.");
                    }
                    continue;
                }
                if (!(keyNode instanceof ScalarNode)) {
                    throw new ImportException(at(keyNode), "A key here is a list or a mapping; compose keys are plain words.");
                }
                Scalar key = scalar((ScalarNode) keyNode);
                if (own.containsKey(key.text())) {
                    Position first = own.get(key.text()).key().at();
                    throw new ImportException(key.at(), "The key '" + key.text() + "' is written twice in this mapping (first on line "
                            + first.line() + "); YAML keeps only one value, so the other would be lost. Keep the one you mean.");
                }
                own.put(key.text(), new Entry(key, convert(tuple.getValueNode())));
            }
            if (merged.isEmpty()) {
                return new MapNode(at(node), own);
            }
            // merged keys first (earlier merged mappings win over later ones), then the mapping's own keys, which win over all
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (MapNode map : merged) {
                map.entries().forEach(entries::putIfAbsent);
            }
            own.forEach(entries::put);
            return new MapNode(at(node), entries);
        }
    }

    /** Plain Java values (String, Long, Double, Boolean, null, List, LinkedHashMap), as SnakeYAML's loader gives them. */
    public static Object toJava(Node node) {
        return switch (node) {
            case Scalar scalar -> switch (scalar.kind()) {
                case NULL -> null;
                case BOOL -> Boolean.valueOf(isTrue(scalar.text()));
                case INT -> integer(scalar.text());
                case FLOAT -> floating(scalar.text());
                case STRING -> scalar.text();
            };
            case ListNode list -> {
                List<Object> items = new ArrayList<>();
                list.items().forEach(item -> items.add(toJava(item)));
                yield items;
            }
            case MapNode map -> {
                Map<String, Object> entries = new LinkedHashMap<>();
                map.entries().forEach((key, entry) -> entries.put(key, toJava(entry.value())));
                yield entries;
            }
        };
    }

    static boolean isTrue(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "y", "on" -> true;
            default -> false;
        };
    }

    private static Object integer(String text) {
        String clean = text.replace("_", "");
        try {
            if (clean.startsWith("0x")) {
                return Long.parseLong(clean.substring(2), 16);
            }
            if (clean.startsWith("0o")) {
                return Long.parseLong(clean.substring(2), 8);
            }
            return Long.parseLong(clean);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static Object floating(String text) {
        try {
            return Double.parseDouble(text.replace("_", ""));
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
