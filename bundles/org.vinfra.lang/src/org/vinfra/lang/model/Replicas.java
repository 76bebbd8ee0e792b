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

    /** How many replicas an element stands for: 1 when it is not replicated, 0 for an empty range. */
    public static int count(EObject element) {
        Replication replication = of(element);
        if (replication == null) {
            return 1;
        }
        return Math.max(0, replication.getLast() - replication.getFirst() + 1);
    }

    /** The names of the replicas, e.g. web1, web2, ...; empty when the element is not replicated. */
    public static List<String> names(String name, Replication replication) {
        List<String> names = new ArrayList<>();
        if (replication != null && name != null) {
            for (int i = replication.getFirst(); i <= replication.getLast(); i++) {
                names.add(name + i);
            }
        }
        return names;
    }
}
