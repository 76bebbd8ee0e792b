package org.vinfra.lang.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.emf.ecore.EObject;
import org.vinfra.lang.vinfra.Compose;
import org.vinfra.lang.vinfra.Container;
import org.vinfra.lang.vinfra.Image;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.Network;
import org.vinfra.lang.vinfra.Runtime;
import org.vinfra.lang.vinfra.VirtualMachine;

/**
 * Where each element of a model is exported: the one place that names the exported files, used by the
 * exporters (org.vinfra.formats) to write them and by validation to report, before any export, two
 * elements that would write the same file ({@code vinfra.export-clash}). Paths are relative to the
 * output folder, with '/' separators:
 * <ul>
 * <li>a VM: {@code libvirt/domains/NAME.xml}, one per replica ({@code web1.xml} .. for {@code vm web[1..20]});</li>
 * <li>a top-level network: {@code libvirt/networks/NAME.xml};</li>
 * <li>an LXC container or LXC service: the folder {@code lxc/NAME} (its {@code config} and {@code start.sh});</li>
 * <li>a compose deployment: {@code compose/NAME/compose.yaml}, the name lower-cased;</li>
 * <li>an image: {@code images/NAME/Dockerfile}, the name lower-cased.</li>
 * </ul>
 * Hosts, volumes, secrets and Docker containers outside a compose deployment write no file of their own.
 */
public final class ExportFiles {

    /** Longest file or object name written (longer names are cut). */
    private static final int MAX_NAME = 100;

    private ExportFiles() {
    }

    /** A file or object name made safe from a model name: no path separators, no dots or dashes at the start, no spaces. */
    public static String safe(String name) {
        if (name == null || name.isBlank()) {
            return "unnamed";
        }
        // most names are safe already (and a replicated VM asks 20,000 times): no regular expression for them
        String safe = isSafe(name) ? name : LEADING_DOTS.matcher(UNSAFE.matcher(name).replaceAll("_")).replaceFirst("_");
        return safe.length() > MAX_NAME ? safe.substring(0, MAX_NAME) : safe;
    }

    private static final java.util.regex.Pattern UNSAFE = java.util.regex.Pattern.compile("[^A-Za-z0-9_.-]");
    private static final java.util.regex.Pattern LEADING_DOTS = java.util.regex.Pattern.compile("^[.-]+");

    /** Only letters, digits, '_', '.' and '-', and no '.' or '-' first: what {@link #safe} keeps as it is. */
    private static boolean isSafe(String name) {
        char first = name.charAt(0);
        if (first == '.' || first == '-') {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** {@link #safe} lower-cased, for tools that want lower case (compose project names, image names). */
    public static String lowerSafe(String name) {
        return safe(name).toLowerCase(Locale.ROOT);
    }

    public static String libvirtDomain(String vmName) {
        return "libvirt/domains/" + safe(vmName) + ".xml";
    }

    public static String libvirtNetwork(String networkName) {
        return "libvirt/networks/" + safe(networkName) + ".xml";
    }

    public static String lxcFolder(String containerName) {
        return "lxc/" + safe(containerName);
    }

    public static String composeFolder(String composeName) {
        return "compose/" + lowerSafe(composeName);
    }

    public static String compose(String composeName) {
        return composeFolder(composeName) + "/compose.yaml";
    }

    public static String dockerfile(String imageName) {
        return "images/" + lowerSafe(imageName) + "/Dockerfile";
    }

    /**
     * The files (or, for an LXC container, the folder) an element exports with every target selected; empty for an element
     * that exports nothing of its own.
     */
    public static List<String> of(EObject element) {
        return switch (element) {
            case VirtualMachine vm -> vmFiles(vm.getName(), Replicas.of(vm) == null ? null : Replicas.names(vm.getName(), Replicas.of(vm)));
            case Network network when network.eContainer() instanceof Model && network.getName() != null -> List.of(libvirtNetwork(network.getName()));
            case Container container when container.getRuntime() == Runtime.LXC && container.getName() != null -> List.of(lxcFolder(container.getName()));
            case Compose compose when compose.getName() != null -> List.of(compose(compose.getName()));
            case Image image when image.getName() != null -> List.of(dockerfile(image.getName()));
            default -> List.of();
        };
    }

    /**
     * What the {@link #clashKey}s of an element's files have in common: the key of its first file, {@link Replicas#withoutDigits
     * digits taken out}; null for an element that exports nothing. Each replica's file gives the same (libvirt/domains/v.xml
     * for v1.xml .. v40000.xml: a name cut at 100 characters loses digits only), and equal keys give equal shapes, so two
     * elements whose shapes differ never write the same file. Found without listing the files.
     */
    public static String clashShape(EObject element) {
        if (element instanceof VirtualMachine vm && Replicas.of(vm) != null) {
            return vm.getName() == null || Replicas.count(vm) == 0 ? null : shape(libvirtDomain(Replicas.name(vm.getName(), Replicas.of(vm).getFirst())));
        }
        List<String> files = of(element);
        return files.isEmpty() ? null : shape(files.get(0));
    }

    /** {@link #clashShape} from what the index keeps: {@link #indexData} and the element's simple name. */
    public static String clashShapeFromIndex(String data, String name) {
        long[] range = data == null || name == null ? null : indexedRange(data);
        if (range != null) {
            return range[1] < range[0] ? null : shape(libvirtDomain(Replicas.name(name, (int) range[0])));
        }
        List<String> files = fromIndex(data, name);
        return files.isEmpty() ? null : shape(files.get(0));
    }

    private static String shape(String path) {
        return Replicas.withoutDigits(clashKey(path));
    }

    /**
     * What an index entry keeps of an element so that {@link #fromIndex} gives {@link #of} without loading its file: the kind
     * of export ({@code vm}, {@code vm:1..20} for replicas, {@code network}, {@code lxc}, {@code compose}, {@code image}), or
     * null for an element that exports nothing.
     */
    public static String indexData(EObject element) {
        return switch (element) {
            case VirtualMachine vm -> Replicas.of(vm) == null ? "vm" : "vm:" + Replicas.of(vm).getFirst() + ".." + Replicas.of(vm).getLast();
            case Network network when network.eContainer() instanceof Model -> "network";
            case Container container when container.getRuntime() == Runtime.LXC -> "lxc";
            case Compose compose -> "compose";
            case Image image -> "image";
            default -> null;
        };
    }

    /** {@link #of} from what the index keeps: {@link #indexData} and the element's simple name. */
    public static List<String> fromIndex(String data, String name) {
        if (data == null || name == null) {
            return List.of();
        }
        long[] range = indexedRange(data);
        if (range != null) {
            List<String> replicas = new ArrayList<>();
            for (long i = range[0]; i <= range[1]; i++) {
                replicas.add(Replicas.name(name, (int) i));
            }
            return vmFiles(name, replicas);
        }
        return switch (data) {
            case "vm" -> vmFiles(name, null);
            case "network" -> List.of(libvirtNetwork(name));
            case "lxc" -> List.of(lxcFolder(name));
            case "compose" -> List.of(compose(name));
            case "image" -> List.of(dockerfile(name));
            default -> List.of();
        };
    }

    /**
     * The first and last replica of a replicated VM's index data ({@code vm:1..20}), or null for other data; a range over
     * {@link Limits#elements()} is given as empty (last before first): the file's own validation error says so, and no tool
     * expands it.
     */
    private static long[] indexedRange(String data) {
        if (!data.startsWith("vm:")) {
            return null;
        }
        String[] range = data.substring(3).split("\\.\\.");
        long first = Long.parseLong(range[0]);
        long last = Long.parseLong(range[1]);
        return last - first + 1 > Limits.elements() ? new long[] { 1, 0 } : new long[] { first, last };
    }

    private static List<String> vmFiles(String name, List<String> replicas) {
        if (name == null) {
            return List.of();
        }
        List<String> files = new ArrayList<>();
        for (String each : replicas == null ? List.of(name) : replicas) {
            files.add(libvirtDomain(each));
        }
        return files;
    }

    /**
     * The key two exported paths clash on: the path lower-cased, since names that differ only in case are one file on the
     * case-insensitive file systems of Windows and macOS (and compose and image folders are lower-cased anyway).
     */
    public static String clashKey(String path) {
        return path.toLowerCase(Locale.ROOT);
    }
}
