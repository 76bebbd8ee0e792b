package org.vinfra.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a compose configuration means, from {@code docker-compose config}'s normalized output, with
 * the differences of syntax that docker-compose 1.29 leaves in place removed: a scalar is its text
 * (5432 and "5432" are the same exposed port), byte sizes are bytes (1.5G is 1536m), ports and
 * volumes are in their long syntax with the defaults written (protocol tcp, read_only false), and
 * lists that are sets to compose (cap_add, expose, ports, profiles...) are sorted. Everything else
 * is compared as it is.
 */
final class ComposeMeaning {

    private static final Set<String> SETS = Set.of("cap_add", "cap_drop", "expose", "ports", "profiles", "dns", "dns_search", "tmpfs",
            "security_opt", "volumes", "devices", "extra_hosts", "env_file", "secrets", "configs", "aliases", "external_links", "links",
            "volumes_from", "group_add");
    private static final Set<String> BYTES = Set.of("mem_limit", "memswap_limit", "mem_reservation", "shm_size", "memory", "size");
    private static final Pattern SIZE = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*([bkmgt]?)b?");

    private ComposeMeaning() {
    }

    /** The meaning of a loaded {@code docker-compose config} document (its 'version' left out). */
    @SuppressWarnings("unchecked")
    static Object of(Object config) {
        Map<String, Object> document = new TreeMap<>((Map<String, Object>) config);
        document.remove("version");
        return canonical(document, "");
    }

    @SuppressWarnings("unchecked")
    private static Object canonical(Object value, String path) {
        String key = path.substring(path.lastIndexOf('.') + 1);
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new TreeMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> result.put(k, canonical(v, path + "." + k)));
            if (path.matches("\\.services\\.[^.]+\\.networks\\.[^.]+") || path.matches("\\.services\\.[^.]+\\.networks")) {
                result.replaceAll((k, v) -> v == null ? Map.of() : v);
            }
            return result;
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>();
            for (Object item : list) {
                if (key.equals("ports") && path.matches("\\.services\\.[^.]+\\.ports")) {
                    items.add(canonical(port(item), path + "[]"));
                } else if (key.equals("volumes") && path.matches("\\.services\\.[^.]+\\.volumes")) {
                    items.add(canonical(volume(item), path + "[]"));
                } else if (key.equals("expose")) {
                    String text = String.valueOf(item);
                    items.add(text.contains("/") ? text : text + "/tcp");
                } else if ((key.equals("secrets") || key.equals("configs")) && item instanceof String name) {
                    items.add(canonical(Map.of("source", name), path + "[]"));
                } else {
                    items.add(canonical(item, path + "[]"));
                }
            }
            if (SETS.contains(key)) {
                items.sort(Comparator.comparing(String::valueOf));
            }
            return items;
        }
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value);
        String field = key.replace("[]", "");
        if (BYTES.contains(field) && !(path.contains(".labels.") || path.contains(".environment.") || path.contains(".options."))) {
            Matcher matcher = SIZE.matcher(text.trim());
            if (matcher.matches()) {
                double number = Double.parseDouble(matcher.group(1));
                long factor = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
                    case "k" -> 1L << 10;
                    case "m" -> 1L << 20;
                    case "g" -> 1L << 30;
                    case "t" -> 1L << 40;
                    default -> 1;
                };
                return Long.toString(Math.round(number * factor));
            }
        }
        if (value instanceof Double number && number == Math.rint(number) && (field.equals("cpus"))) {
            return Long.toString(number.longValue());
        }
        return text;
    }

    /** A port in the long syntax: target, published, host_ip, protocol (tcp when not written). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> port(Object item) {
        Map<String, Object> port = new LinkedHashMap<>();
        if (item instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((k, v) -> port.put(k, v == null ? null : String.valueOf(v)));
        } else {
            String text = String.valueOf(item);
            String protocol = "tcp";
            int slash = text.lastIndexOf('/');
            if (slash >= 0) {
                protocol = text.substring(slash + 1);
                text = text.substring(0, slash);
            }
            int colon = text.lastIndexOf(':');
            port.put("target", text.substring(colon + 1));
            if (colon >= 0) {
                String rest = text.substring(0, colon);
                int hostColon = rest.lastIndexOf(':');
                String published = rest.substring(hostColon + 1);
                if (!published.isEmpty()) {
                    port.put("published", published);
                }
                if (hostColon >= 0) {
                    port.put("host_ip", rest.substring(0, hostColon));
                }
            }
            port.put("protocol", protocol);
        }
        port.putIfAbsent("protocol", "tcp");
        return port;
    }

    /** A volume in the long syntax: type, source, target, read_only (false when not written), other modes kept. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> volume(Object item) {
        Map<String, Object> volume = new LinkedHashMap<>();
        if (item instanceof Map<?, ?> map) {
            volume.putAll((Map<String, Object>) map);
            volume.putIfAbsent("read_only", false);
            if ("bind".equals(volume.get("type")) && volume.get("bind") instanceof Map<?, ?> bind && bind.isEmpty()) {
                volume.remove("bind");
            }
            return volume;
        }
        String[] parts = String.valueOf(item).split(":");
        if (parts.length == 1) {
            volume.put("type", "volume");
            volume.put("target", parts[0]);
            volume.put("read_only", false);
            return volume;
        }
        volume.put("type", parts[0].startsWith("/") || parts[0].startsWith(".") || parts[0].startsWith("~") ? "bind" : "volume");
        volume.put("source", parts[0]);
        volume.put("target", parts[1]);
        List<String> modes = parts.length > 2 ? new ArrayList<>(List.of(parts[2].split(","))) : new ArrayList<>();
        volume.put("read_only", modes.remove("ro"));
        modes.remove("rw");
        if (!modes.isEmpty()) {
            volume.put("mode", String.join(",", modes));
        }
        return volume;
    }
}
