package org.vinfra.diagram.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.vinfra.lang.model.Replicas;
import org.vinfra.lang.model.Units;
import org.vinfra.lang.vinfra.Compose;
import org.vinfra.lang.vinfra.Container;
import org.vinfra.lang.vinfra.Datastore;
import org.vinfra.lang.vinfra.Dependency;
import org.vinfra.lang.vinfra.Device;
import org.vinfra.lang.vinfra.Element;
import org.vinfra.lang.vinfra.Host;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.Network;
import org.vinfra.lang.vinfra.NetworkAttachment;
import org.vinfra.lang.vinfra.Nic;
import org.vinfra.lang.vinfra.Replication;
import org.vinfra.lang.vinfra.VinfraPackage.Literals;
import org.vinfra.lang.vinfra.VirtualMachine;
import org.vinfra.lang.vinfra.VirtualNic;

/**
 * The ids of the topology diagram's elements, in one place. An id is derived from what the element is and
 * where it is declared, never from where the diagram draws it, so it stays the same when the element moves
 * to another host and when the diagram is rebuilt:
 * <ul>
 * <li>a declared element: its kind and name, {@code host:server1}, {@code vm:web}, {@code network:natnet},
 * {@code container:alpine}, {@code compose:shop};</li>
 * <li>a part: its declaration's id, '/', its kind and name: {@code host:server1/nic:eno1},
 * {@code host:server1/datastore:local}, {@code host:server1/device:gpu0}, {@code vm:web/nic:eth0} (a vNIC),
 * {@code compose:shop/container:db} (a service), {@code compose:shop/network:backend};</li>
 * <li>one replica of an expanded replicated element: the element's id and the replica's number,
 * {@code vm:web3} for replica web3 of {@code vm web[1..20]}; its parts follow, {@code vm:web3/nic:eth0},
 * {@code host:rack2/nic:eth0};</li>
 * <li>a label: its element's id, '#', the figure it shows: {@code vm:web#name}, {@code vm:web#vcpus},
 * {@code vm:web#memory}, {@code vm:web#max-memory}, {@code host:server1#cpu} (see the constants);</li>
 * <li>an edge: its source's id, {@code ->}, its target's id: {@code vm:web/nic:eth0->network:datacenter};
 * its label: {@code vm:web/nic:eth0->network:datacenter#label};</li>
 * <li>the expand button of a replicated element: {@code vm:web#expand}; the root: {@value #ROOT_ID}.</li>
 * </ul>
 * Names never contain ':', '/', '#', '>' or '~', so ids split unambiguously. When a model declares two
 * elements with the same id (an error the validator reports), the second gets {@code ~2}, the third
 * {@code ~3}.
 * <p>
 * {@link #idOf(EObject)} goes from a model element to its id; {@link Index#element(String)} goes back, for
 * every id above (labels give their element, edges the model element that makes them).
 */
public final class DiagramIds {

    /** The GLSP diagram type. */
    public static final String DIAGRAM_TYPE = "vinfra-topology";
    /** The id of the graph (the root). */
    public static final String ROOT_ID = "topology";

    /** Figure of a label: the element's name (editable). */
    public static final String NAME = "name";
    /** Figure of a VM's label: its vCPUs (editable: a number). */
    public static final String VCPUS = "vcpus";
    /** Figure of a VM's or host's label: its memory (editable: a size such as 4 GiB). */
    public static final String MEMORY = "memory";
    /** Figure of a VM's label: its maximum memory for hot-add (editable: a size). */
    public static final String MAX_MEMORY = "max-memory";
    /** Figure of a host's label: sockets x cores x threads = logical CPUs, and the frequency. */
    public static final String CPU = "cpu";
    /** Figure of a host's label: VT-x, AMD-V, VT-d, AMD-Vi. */
    public static final String FEATURES = "features";
    /** Figure of a host's label: the hypervisor (product, type, technique). */
    public static final String HYPERVISOR = "hypervisor";
    /** Figure of a host's label: vCPUs committed by its VMs against what its overcommit ratio allows. */
    public static final String COMMITTED_VCPUS = "committed-vcpus";
    /** Figure of a host's label: memory committed by its VMs against what its overcommit ratio allows. */
    public static final String COMMITTED_MEMORY = "committed-memory";
    /** Figure of a replicated element's label: how many replicas. */
    public static final String REPLICAS = "replicas";
    /** The label of an edge. */
    public static final String EDGE_LABEL = "label";
    /** The expand/collapse button of a replicated element. */
    public static final String EXPAND = "expand";

    static final String EDGE_SEPARATOR = "->";
    private static final Pattern NAME_PATTERN = Pattern.compile("\\^?[a-zA-Z_][a-zA-Z_0-9-]*");

    /** What an id's segment says an element is. */
    public enum Kind {
        HOST("host"), VM("vm"), NETWORK("network"), CONTAINER("container"), COMPOSE("compose"), NIC("nic"), DATASTORE("datastore"),
        DEVICE("device");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** The word in ids: host, vm, network, container, compose, nic, datastore, device. */
        public String word() {
            return word;
        }

        public static Optional<Kind> ofWord(String word) {
            for (Kind kind : values()) {
                if (kind.word.equals(word)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }

        /** The kind of a model element the diagram shows, or empty (images, volumes, workloads... are not shown). */
        public static Optional<Kind> of(EObject element) {
            return Optional.ofNullable(switch (element) {
                case Host h -> HOST;
                case VirtualMachine vm -> VM;
                case Network n -> NETWORK;
                case Container c -> CONTAINER;
                case Compose c -> COMPOSE;
                case Nic n -> NIC;
                case VirtualNic n -> NIC;
                case Datastore d -> DATASTORE;
                case Device d -> DEVICE;
                default -> null;
            });
        }
    }

    private DiagramIds() {
    }

    /** {@code kind:name} */
    public static String segment(Kind kind, String name) {
        return kind.word() + ":" + name;
    }

    /** The id of a part: {@code host:server1/nic:eno1}. */
    public static String partId(String parentId, Kind kind, String name) {
        return parentId + "/" + segment(kind, name);
    }

    /** The id of one replica of a replicated element: {@code vm:web} and 3 give {@code vm:web3}. */
    public static String replicaId(String elementId, int replica) {
        return elementId + replica;
    }

    /** {@code vm:web#vcpus} */
    public static String labelId(String elementId, String figure) {
        return elementId + "#" + figure;
    }

    /** {@code vm:web/nic:eth0->network:lan} */
    public static String edgeId(String sourceId, String targetId) {
        return sourceId + EDGE_SEPARATOR + targetId;
    }

    public static boolean isLabelId(String id) {
        return id.indexOf('#') >= 0;
    }

    public static boolean isEdgeId(String id) {
        String element = isLabelId(id) ? id.substring(0, id.indexOf('#')) : id;
        return element.contains(EDGE_SEPARATOR);
    }

    /** The element a label or button belongs to ({@code vm:web#vcpus} gives {@code vm:web}); other ids are returned as they are. */
    public static String ownerOf(String id) {
        int hash = id.indexOf('#');
        return hash < 0 ? id : id.substring(0, hash);
    }

    /** The figure a label shows ({@code vm:web#vcpus} gives {@code vcpus}), or empty when the id is not a label's. */
    public static Optional<String> figureOf(String id) {
        int hash = id.indexOf('#');
        return hash < 0 ? Optional.empty() : Optional.of(id.substring(hash + 1));
    }

    /** The source of an edge id. */
    public static String sourceOf(String edgeId) {
        String edge = ownerOf(edgeId);
        return edge.substring(0, edge.indexOf(EDGE_SEPARATOR));
    }

    /** The target of an edge id. */
    public static String targetOf(String edgeId) {
        String edge = ownerOf(edgeId);
        return edge.substring(edge.indexOf(EDGE_SEPARATOR) + EDGE_SEPARATOR.length());
    }

    /** The id of the element a part belongs to ({@code host:h/nic:eth0} gives {@code host:h}), or empty for a top-level element. */
    public static Optional<String> parentOf(String id) {
        String element = ownerOf(id);
        int slash = element.lastIndexOf('/');
        return slash < 0 ? Optional.empty() : Optional.of(element.substring(0, slash));
    }

    /** The kind in an element id's last segment. */
    public static Optional<Kind> kindOf(String id) {
        String last = lastSegment(ownerOf(id));
        int colon = last.indexOf(':');
        return colon < 0 ? Optional.empty() : Kind.ofWord(last.substring(0, colon));
    }

    /** The name in an element id's last segment ({@code vm:web3} gives {@code web3}). */
    public static String nameOf(String id) {
        String last = lastSegment(ownerOf(id));
        int tilde = last.indexOf('~');
        return last.substring(last.indexOf(':') + 1, tilde < 0 ? last.length() : tilde);
    }

    private static String lastSegment(String id) {
        return id.substring(id.lastIndexOf('/') + 1);
    }

    /**
     * The id of a model element as declared (a replicated element's own id, not one of its replicas'), or null
     * when the diagram does not show that kind of element. Does not know about duplicates: {@link Index#id(EObject)} does.
     */
    public static String idOf(EObject element) {
        Optional<Kind> kind = Kind.of(element);
        String name = nameAttribute(element);
        if (kind.isEmpty() || name == null) {
            return null;
        }
        EObject container = element.eContainer();
        if (container == null || container instanceof Model) {
            return segment(kind.get(), name);
        }
        String parent = idOf(container);
        return parent == null ? null : partId(parent, kind.get(), name);
    }

    /**
     * The nearest element the diagram shows that contains (or is) {@code element}: a disk gives its VM, a
     * hypervisor its host; null when none does (an image, a workload).
     */
    public static EObject shownElementOf(EObject element) {
        for (EObject each = element; each != null; each = each.eContainer()) {
            if (idOf(each) != null) {
                return each;
            }
        }
        return null;
    }

    private static String nameAttribute(EObject element) {
        EStructuralFeature name = element.eClass().getEStructuralFeature("name");
        Object value = name == null ? null : element.eGet(name);
        return value instanceof String text && !text.isEmpty() ? text : null;
    }

    /** The model feature a label shows, when direct edit may change it: the name, a VM's vCPUs, memory and maximum memory, a host's memory. */
    public static Optional<EStructuralFeature> featureOf(EObject element, String figure) {
        EStructuralFeature feature = switch (figure) {
            case NAME -> element.eClass().getEStructuralFeature("name");
            case VCPUS -> element instanceof VirtualMachine ? Literals.VIRTUAL_MACHINE__VCPUS : null;
            case MEMORY -> element instanceof VirtualMachine ? Literals.VIRTUAL_MACHINE__MEMORY
                    : element instanceof Host ? Literals.HOST__MEMORY : null;
            case MAX_MEMORY -> element instanceof VirtualMachine ? Literals.VIRTUAL_MACHINE__MAX_MEMORY : null;
            default -> null;
        };
        return Optional.ofNullable(feature);
    }

    /**
     * The value a user typed into an editable label, as the model stores it: a name (String), vCPUs (Integer:
     * "4" or "4 vCPUs"), a memory size in bytes (Long: "8 GiB", "memory 8 GiB", "max 16 GiB").
     *
     * @throws IllegalArgumentException with a message for the user when the text is not such a value
     */
    public static Object parseFigure(String figure, String text) {
        String value = text.trim();
        switch (figure) {
            case NAME -> {
                if (!NAME_PATTERN.matcher(value).matches()) {
                    throw new IllegalArgumentException("'" + value + "' is not a name: a name starts with a letter or '_' and has letters,"
                            + " digits, '_' and '-'");
                }
                return value;
            }
            case VCPUS -> {
                String number = value.toLowerCase(Locale.ROOT).replaceAll("\\s*vcpus?$", "").trim();
                try {
                    int vcpus = Integer.parseInt(number);
                    if (vcpus < 1) {
                        throw new IllegalArgumentException("a VM has at least 1 vCPU, not " + vcpus);
                    }
                    return vcpus;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + value + "' is not a number of vCPUs: write a whole number such as 4");
                }
            }
            case MEMORY, MAX_MEMORY -> {
                String size = value.replaceFirst("^(memory|max|hot-add to)\\s+", "").trim();
                return Units.SIZE.parse(size);
            }
            default -> throw new IllegalArgumentException("the " + figure + " label cannot be edited");
        }
    }

    /** The ids of every element the diagram can show in these resources, both ways. */
    public static Index index(Iterable<? extends Resource> resources) {
        Index index = new Index();
        for (Resource resource : resources) {
            for (EObject root : resource.getContents()) {
                if (root instanceof Model model) {
                    for (Element element : model.getElements()) {
                        index.add(element, null);
                    }
                }
            }
        }
        return index;
    }

    /**
     * Ids to model elements and back, for the models of one diagram. The builder gives each element the id
     * this index holds; an operation on the diagram finds its model element here.
     */
    public static final class Index {
        private final Map<String, EObject> elements = new HashMap<>();
        private final Map<EObject, String> ids = new IdentityHashMap<>();

        private Index() {
        }

        private void add(EObject element, String parentId) {
            Optional<Kind> kind = Kind.of(element);
            String name = nameAttribute(element);
            if (kind.isEmpty() || name == null) {
                return;
            }
            String id = parentId == null ? segment(kind.get(), name) : partId(parentId, kind.get(), name);
            if (elements.containsKey(id)) {
                int n = 2;
                while (elements.containsKey(id + "~" + n)) {
                    n++;
                }
                id = id + "~" + n;
            }
            elements.put(id, element);
            ids.put(element, id);
            for (EObject part : parts(element)) {
                add(part, id);
            }
        }

        private static List<EObject> parts(EObject element) {
            List<EObject> parts = new ArrayList<>();
            switch (element) {
                case Host host -> {
                    parts.addAll(host.getNics());
                    parts.addAll(host.getDatastores());
                    parts.addAll(host.getDevices());
                }
                case VirtualMachine vm -> parts.addAll(vm.getNics());
                case Compose compose -> {
                    parts.addAll(compose.getNetworks());
                    parts.addAll(compose.getServices());
                }
                default -> {
                    // no parts shown
                }
            }
            return parts;
        }

        /** The id of a model element the diagram shows (as declared), or null. */
        public String id(EObject element) {
            return ids.get(element);
        }

        /** How many elements have ids. */
        public int size() {
            return elements.size();
        }

        /**
         * The model element of an id: a declared element, a replica (its replicated element), a part of a replica
         * (the declared part), a label or button (its element), an edge (what makes it: the {@link VirtualNic} of
         * an {@code edge:vnic} or {@code edge:sriov}, the {@link Network} of an {@code edge:uplink}, the
         * {@link VirtualMachine} of an {@code edge:passthrough}, the {@link Dependency} of an
         * {@code edge:depends-on}, the {@link NetworkAttachment} of an {@code edge:attachment}).
         */
        public Optional<EObject> element(String id) {
            String owner = ownerOf(id);
            if (owner.contains(EDGE_SEPARATOR)) {
                return edgeElement(sourceOf(owner), targetOf(owner));
            }
            return Optional.ofNullable(resolve(owner)).map(Resolved::element);
        }

        /** The id of the declaration an id stands for: {@code vm:web3} gives {@code vm:web}, {@code host:rack2/nic:eth0} gives {@code host:rack/nic:eth0}. */
        public Optional<String> declarationId(String id) {
            return Optional.ofNullable(resolve(ownerOf(id))).map(Resolved::declarationId);
        }

        /** The replica number when the id names one replica ({@code vm:web3} gives 3), else empty. */
        public OptionalInt replica(String id) {
            Resolved resolved = resolve(ownerOf(id));
            return resolved == null || resolved.replica() == null ? OptionalInt.empty() : OptionalInt.of(resolved.replica());
        }

        private record Resolved(EObject element, String declarationId, Integer replica) {
        }

        private Resolved resolve(String id) {
            EObject declared = elements.get(id);
            if (declared != null) {
                return new Resolved(declared, id, null);
            }
            int slash = id.lastIndexOf('/');
            String prefix = "";
            String last = id;
            if (slash >= 0) {
                Resolved parent = resolve(id.substring(0, slash));
                if (parent == null) {
                    return null;
                }
                prefix = parent.declarationId() + "/";
                last = id.substring(slash + 1);
                EObject part = elements.get(prefix + last);
                if (part != null) {
                    return new Resolved(part, prefix + last, null);
                }
            }
            // one replica: the longest name that is a replicated element whose range holds the number after it
            int colon = last.indexOf(':');
            if (colon < 0) {
                return null;
            }
            String name = last.substring(colon + 1);
            for (int split = name.length() - 1; split > 0 && Character.isDigit(name.charAt(split)); split--) {
                String groupId = prefix + last.substring(0, colon + 1) + name.substring(0, split);
                EObject group = elements.get(groupId);
                Replication replication = group == null ? null : Replicas.of(group);
                String digits = name.substring(split);
                boolean canonical = !digits.startsWith("0") || digits.equals("0");
                if (replication != null && canonical && digits.length() < 10) {
                    int number = Integer.parseInt(digits);
                    if (number >= replication.getFirst() && number <= replication.getLast()) {
                        return new Resolved(group, groupId, number);
                    }
                }
            }
            return null;
        }

        private Optional<EObject> edgeElement(String sourceId, String targetId) {
            EObject source = element(sourceId).orElse(null);
            EObject target = element(targetId).orElse(null);
            if (source == null || target == null) {
                return Optional.empty();
            }
            EObject found = switch (source) {
                case VirtualNic vnic -> vnic;
                case Network network -> network;
                case VirtualMachine vm -> vm;
                case Container container -> {
                    for (Dependency dependency : container.getDependencies()) {
                        if (dependency.getTarget() == target) {
                            yield dependency;
                        }
                    }
                    for (NetworkAttachment attachment : container.getAttachments()) {
                        if (attachment.getNetwork() == target) {
                            yield attachment;
                        }
                    }
                    yield null;
                }
                default -> null;
            };
            return Optional.ofNullable(found);
        }
    }
}
