package org.vinfra.formats.compose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.vinfra.formats.ImportException;
import org.vinfra.formats.compose.YamlTree.Entry;
import org.vinfra.formats.compose.YamlTree.Kind;
import org.vinfra.formats.compose.YamlTree.ListNode;
import org.vinfra.formats.compose.YamlTree.MapNode;
import org.vinfra.formats.compose.YamlTree.Node;
import org.vinfra.formats.compose.YamlTree.Scalar;

/**
 * {@code extends}: a service takes the settings of another service, of the same file or of another
 * one ({@code file:}, relative to the file that names it), and overrides them, as the Compose
 * Specification merges them: mappings are merged key by key (the extending service wins), lists are
 * joined without duplicates ({@code volumes} by target path), and {@code command}, {@code entrypoint}
 * and a health check's {@code test} are replaced. The settings keep the positions of the file they
 * come from, so relative paths stay relative to that file.
 */
final class Extends {

    /** Keys whose value is replaced, never joined. */
    private static final Set<String> REPLACED = Set.of("command", "entrypoint", "test");
    /** Keys written either as a list of KEY=VALUE (or names) or as a mapping: merged as mappings. */
    static final Map<String, String> LIST_OR_MAPPING = Map.of("environment", "=", "labels", "=", "sysctls", "=", "extra_hosts", ":",
            "networks", "", "depends_on", "", "args", "=", "annotations", "=");

    /** The services of one file, interpolated, and how to read others. */
    interface Files {
        MapNode services(Path file) throws ImportException;
    }

    private final Files files;
    private final Map<String, MapNode> resolved = new HashMap<>();

    Extends(Files files) {
        this.files = files;
    }

    /** The service with what it extends merged in (and no 'extends' key left). */
    MapNode resolve(Path file, String name, MapNode service) throws ImportException {
        return resolve(file, name, service, new ArrayList<>());
    }

    private MapNode resolve(Path file, String name, MapNode service, List<String> seen) throws ImportException {
        String signature = file.toAbsolutePath().normalize() + "#" + name;
        MapNode known = resolved.get(signature);
        if (known != null) {
            return known;
        }
        if (seen.contains(signature)) {
            throw new ImportException(service.at(), "'extends' forms a cycle (" + String.join(" -> ", seen.stream().map(s -> s.substring(s.indexOf('#')
                    + 1)).toList()) + " -> " + name + "): no service of the cycle can be read. Remove one 'extends'.");
        }
        if (!service.has("extends")) {
            resolved.put(signature, service);
            return service;
        }
        seen.add(signature);
        Node extendsNode = service.get("extends");
        String baseName;
        Path baseFile = file;
        if (extendsNode instanceof Scalar scalar && !scalar.isNull()) {
            baseName = scalar.text();
        } else if (extendsNode instanceof MapNode map && map.text("service") != null) {
            baseName = map.text("service");
            if (map.text("file") != null) {
                baseFile = file.toAbsolutePath().getParent().resolve(map.text("file")).normalize();
                if (!java.nio.file.Files.isRegularFile(baseFile)) {
                    throw new ImportException(map.get("file").at(), "'extends' names the file " + map.text("file") + ", which is not there ("
                            + baseFile + "). The path is relative to the file that extends.");
                }
            }
        } else {
            throw new ImportException(extendsNode.at(), "'extends' takes a service name, or a mapping with 'service' (and 'file' for another file).");
        }
        MapNode baseServices = files.services(baseFile);
        if (!(baseServices.get(baseName) instanceof MapNode base)) {
            throw new ImportException(extendsNode.at(), "'extends' names the service '" + baseName + "', which is not in " + (baseFile.equals(file)
                    ? "this file" : baseFile) + ". Correct the name.");
        }
        MapNode merged = merge(resolve(baseFile, baseName, base, seen), service.without("extends"), "");
        seen.remove(seen.size() - 1);
        resolved.put(signature, merged);
        return merged;
    }

    /** The Compose Specification's merge of a service (or a part of one) with its override. */
    static MapNode merge(MapNode base, MapNode override, String path) {
        Map<String, Entry> entries = new LinkedHashMap<>(base.entries());
        for (Map.Entry<String, Entry> entry : override.entries().entrySet()) {
            String key = entry.getKey();
            Entry mine = entry.getValue();
            Entry theirs = entries.get(key);
            if (theirs == null || REPLACED.contains(key)) {
                entries.put(key, mine);
                continue;
            }
            Node a = theirs.value();
            Node b = mine.value();
            String separator = LIST_OR_MAPPING.get(key);
            if (separator != null) {
                a = asMapping(a, separator);
                b = asMapping(b, separator);
            }
            if (key.equals("logging") && a instanceof MapNode la && b instanceof MapNode lb && lb.text("driver") != null
                    && la.text("driver") != null && !lb.text("driver").equals(la.text("driver"))) {
                entries.put(key, mine); // another driver: its options do not mix with the old driver's
            } else if (a instanceof MapNode ma && b instanceof MapNode mb) {
                entries.put(key, new Entry(mine.key(), merge(ma, mb, path + "." + key)));
            } else if (a instanceof ListNode la && b instanceof ListNode lb) {
                entries.put(key, new Entry(mine.key(), join(key, la, lb)));
            } else if (key.equals("build") || key.equals("extends")) {
                entries.put(key, new Entry(mine.key(), merge(asBuild(a), asBuild(b), path + ".build")));
            } else {
                entries.put(key, mine);
            }
        }
        return new MapNode(override.at(), entries);
    }

    private static MapNode asBuild(Node node) {
        if (node instanceof MapNode map) {
            return map;
        }
        return new MapNode(node.at(), Map.of("context", new Entry(new Scalar(node.at(), "context", Kind.STRING), node)));
    }

    /** Lists joined in order, without the items of the base that the override repeats (volumes: by target path). */
    private static ListNode join(String key, ListNode base, ListNode override) {
        Map<String, Node> items = new LinkedHashMap<>();
        for (Node item : base.items()) {
            items.put(identity(key, item), item);
        }
        for (Node item : override.items()) {
            String identity = identity(key, item);
            items.remove(identity);
            items.put(identity, item);
        }
        return new ListNode(override.at(), List.copyOf(items.values()));
    }

    private static String identity(String key, Node item) {
        if (key.equals("volumes") || key.equals("devices")) {
            if (item instanceof MapNode map && map.text("target") != null) {
                return map.text("target");
            }
            if (item instanceof Scalar scalar) {
                String[] parts = scalar.text().split(":");
                return parts.length >= 2 ? parts[1] : parts[0];
            }
        }
        if ((key.equals("secrets") || key.equals("configs")) && item instanceof MapNode map && map.text("source") != null) {
            return map.text("target") != null ? map.text("target") : map.text("source");
        }
        return String.valueOf(YamlTree.toJava(item));
    }

    /** A list of KEY=VALUE (or of names) as the mapping it stands for; a mapping stays as it is. */
    static Node asMapping(Node node, String separator) {
        if (!(node instanceof ListNode list)) {
            return node;
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Node item : list.items()) {
            if (!(item instanceof Scalar scalar)) {
                return node;
            }
            String text = scalar.text();
            int at = separator.isEmpty() ? -1 : text.indexOf(separator);
            if (separator.equals(":") && at < 0) {
                at = text.indexOf('=');
            }
            String key = at < 0 ? text : text.substring(0, at);
            Node value = at < 0 ? new Scalar(scalar.at(), "", Kind.NULL) : new Scalar(scalar.at(), text.substring(at + 1), Kind.STRING);
            entries.put(key, new Entry(new Scalar(scalar.at(), key, Kind.STRING), value));
        }
        return new MapNode(list.at(), entries);
    }

    /** Reads another compose file's services for {@code extends} (interpolated with the same variables). */
    static Files reader(Path main, MapNode mainServices, Interpolation interpolation) {
        Map<Path, MapNode> cache = new HashMap<>();
        Path mainFile = main.toAbsolutePath().normalize();
        cache.put(mainFile, mainServices);
        return file -> {
            Path key = file.toAbsolutePath().normalize();
            MapNode cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
            String text;
            try {
                text = java.nio.file.Files.readString(key);
            } catch (IOException e) {
                throw new ImportException(org.vinfra.formats.Position.start(key), "Cannot read " + key + ": " + e.getMessage());
            }
            Node root = YamlTree.load(key, text);
            MapNode services = root instanceof MapNode map && map.get("services") instanceof MapNode s ? s
                    : root instanceof MapNode map2 ? map2 : null;
            if (services == null) {
                throw new ImportException(root.at(), "This file is named by 'extends' but is not a compose file (a mapping with 'services').");
            }
            MapNode interpolated = (MapNode) interpolation.apply(services);
            cache.put(key, interpolated);
            return interpolated;
        };
    }
}
