package org.vinfra.lang.model;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.vinfra.lang.vinfra.Container;
import org.vinfra.lang.vinfra.Host;
import org.vinfra.lang.vinfra.Replication;
import org.vinfra.lang.vinfra.VirtualMachine;

/**
 * Replication: {@code vm web[1..20]} is one element that stands for the replicas web1 .. web20.
 * The element is known by its own name (the whole group) and by each replica's name.
 */
public final class Replicas {

    private Replicas() {
    }

    public static Replication of(EObject element) {
        return switch (element) {
            case Host host -> host.getReplication();
            case VirtualMachine vm -> vm.getReplication();
            case Container container -> container.getReplication();
            case org.vinfra.lang.vinfra.Workload workload -> workload.getReplication();
            default -> null;
        };
    }

    /**
     * How many replicas an element stands for: 1 when it is not replicated, 0 for an empty range and for
     * a range over {@link Limits#elements()} (its validation error says so; no tool expands it).
     */
    public static int count(EObject element) {
        Replication replication = of(element);
        if (replication == null) {
            return 1;
        }
        return count(replication);
    }

    /** The number of replicas a range declares: 0 when it is empty or over {@link Limits#elements()}. */
    public static int count(Replication replication) {
        long count = size(replication);
        return count <= 0 || count > Limits.elements() ? 0 : (int) count;
    }

    /** The size of the range as written (last - first + 1, at most 2^32), whatever the limits. */
    public static long size(Replication replication) {
        return Math.max(0, (long) replication.getLast() - replication.getFirst() + 1);
    }

    /** The names of the replicas, e.g. web1, web2, ...; empty when the element is not replicated (or its range is over the limit). */
    public static List<String> names(String name, Replication replication) {
        List<String> names = new ArrayList<>();
        if (replication != null && name != null && count(replication) > 0) {
            for (int i = replication.getFirst(); i <= replication.getLast(); i++) {
                names.add(name(name, i));
                if (i == Integer.MAX_VALUE) {
                    break;
                }
            }
        }
        return names;
    }

    /** The name of replica {@code number} of an element named {@code name}: the name followed by the number (web7). */
    public static String name(String name, int number) {
        return name + number;
    }

    /**
     * {@code name} with its digits taken out: what the names an element is known by have in common. Equal names give equal
     * results, and every replica name of an element gives the element's own (web, web1 .. web20 all give web; rack.eth0 and
     * rack3.eth0 give rack.eth). So two elements whose names give different results share no name, replicas included, and
     * a check for names given twice need list only the names of elements that are alike this way.
     */
    public static String withoutDigits(String name) {
        StringBuilder letters = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                letters.append(c);
            }
        }
        return letters.toString();
    }

    /**
     * The number of the replica that {@code candidate} names, among those {@link #names} lists, found without listing
     * them: the element's name followed by a number of the range, written as {@link #name} writes it (web7, not web07);
     * null when it names none.
     *
     * @param ignoreCase whether the name part may differ in case (web7 and WEB7)
     */
    public static Integer replicaNumber(String name, Replication replication, String candidate, boolean ignoreCase) {
        if (replication == null || name == null || candidate.length() <= name.length() || count(replication) == 0
                || !candidate.regionMatches(ignoreCase, 0, name, 0, name.length())) {
            return null;
        }
        String digits = candidate.substring(name.length());
        if (digits.length() > 10 || !digits.matches("[0-9]+")) {
            return null;
        }
        long number = Long.parseLong(digits);
        return number >= replication.getFirst() && number <= replication.getLast() && Long.toString(number).equals(digits) ? (int) number : null;
    }

    /**
     * The hosts, VMs, containers and workloads a model stands for after replication (each replicated
     * element counted as its range's size, even over the limit).
     */
    public static long total(EObject model) {
        long total = 0;
        for (java.util.Iterator<EObject> contents = model.eAllContents(); contents.hasNext();) {
            EObject element = contents.next();
            if (element instanceof Host || element instanceof VirtualMachine || element instanceof Container
                    || element instanceof org.vinfra.lang.vinfra.Workload) {
                Replication replication = of(element);
                total += replication == null ? 1 : size(replication);
            }
        }
        return total;
    }
}
