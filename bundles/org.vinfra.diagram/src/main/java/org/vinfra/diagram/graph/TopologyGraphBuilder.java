package org.vinfra.diagram.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.glsp.graph.GButton;
import org.eclipse.glsp.graph.GEdge;
import org.eclipse.glsp.graph.GGraph;
import org.eclipse.glsp.graph.GLabel;
import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.graph.GNode;
import org.eclipse.glsp.graph.GPort;
import org.eclipse.glsp.graph.builder.impl.GButtonBuilder;
import org.eclipse.glsp.graph.builder.impl.GEdgeBuilder;
import org.eclipse.glsp.graph.builder.impl.GEdgePlacementBuilder;
import org.eclipse.glsp.graph.builder.impl.GGraphBuilder;
import org.eclipse.glsp.graph.builder.impl.GLabelBuilder;
import org.eclipse.glsp.graph.builder.impl.GNodeBuilder;
import org.eclipse.glsp.graph.builder.impl.GPortBuilder;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.vinfra.lang.model.Replicas;
import org.vinfra.lang.model.Topology;
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
import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.lang.workspace.Problem;

/**
 * Builds the topology diagram of loaded .vinfra models as a GLSP {@link GGraph} (diagram type
 * {@value DiagramIds#DIAGRAM_TYPE}), with ids from {@link DiagramIds}:
 * <ul>
 * <li>hosts ({@code node:host}) contain their physical NICs ({@code node:nic}), datastores
 * ({@code node:datastore}) and devices ({@code node:device}), the networks declared {@code on} them, the VMs
 * placed on them, and the containers and compose deployments running on them;</li>
 * <li>VMs ({@code node:vm}) carry one port per vNIC ({@code port:vnic}) and contain the containers and compose
 * deployments running on them;</li>
 * <li>compose deployments ({@code node:compose}) contain their services ({@code node:container}) and networks;</li>
 * <li>edges: {@code edge:vnic} from a vNIC to its network (label: the IP), {@code edge:sriov} from a vNIC to the
 * physical function whose VF it takes (label: the VFs), {@code edge:uplink} from a bridged network to its host
 * NIC, {@code edge:passthrough} from a VM to a host device, {@code edge:attachment} from a container to a
 * network (label: the IP), {@code edge:depends-on} from a container to the one it waits for (label: the
 * condition);</li>
 * <li>every node has a {@code label:name} ({@code <id>#name}, editable) and one {@code label:figures} per
 * figure ({@code <id>#vcpus}, {@code <id>#memory}, {@code <id>#hypervisor}...);</li>
 * <li>a replicated element ({@code vm web[1..20]}) is one node with its count ({@link DiagramArgs#REPLICAS}),
 * expandable; when its id is among the expanded ids it contains one node per replica ({@code vm:web1} ..
 * {@code vm:web20}), and what is placed on one replica ({@code on web3}) goes into that replica's node.</li>
 * </ul>
 * Elements are built in the order of the files and of the text, so the same models give the same graph.
 * Unresolved references draw nothing (the problem is on the element as a marker). The graph has no positions
 * yet: {@code TopologyLayout} computes them.
 */
public final class TopologyGraphBuilder {

    private final Set<String> expandedIds;

    /** A builder that shows replicated elements collapsed. */
    public TopologyGraphBuilder() {
        this(Set.of());
    }

    /** @param expandedIds the ids of the replicated elements to show expanded into their replicas */
    public TopologyGraphBuilder(Collection<String> expandedIds) {
        this.expandedIds = Set.copyOf(expandedIds);
    }

    /**
     * The diagram of the models of a model set: the files given and the files they import (after
     * {@link ModelSet#validate()}, which resolves them).
     */
    public TopologyDiagram build(ModelSet models, List<Problem> problems) {
        List<Resource> resources = new ArrayList<>();
        for (Model model : models.models()) {
            resources.add(model.eResource());
        }
        if (models.resourceSet() != null) {
            for (Resource resource : List.copyOf(models.resourceSet().getResources())) {
                if (!resources.contains(resource)) {
                    resources.add(resource);
                }
            }
        }
        return build(resources, problems);
    }

    /** The diagram of the models in these resources, drawn in this order. */
    public TopologyDiagram build(List<? extends Resource> resources, List<Problem> problems) {
        Run run = new Run(resources);
        run.build();
        DiagramMarkers markers = DiagramMarkers.of(problems, resources, run.index, run.elements::containsKey);
        return new TopologyDiagram(run.graph, run.elements, markers, run.index, expandedIds);
    }

    /** The nodes of one declared element: its own, and one per replica when expanded. */
    private record Nodes(GNode node, Map<Integer, GNode> replicas) {
    }

    /** One build. */
    private final class Run {
        private final List<? extends Resource> resources;
        private final DiagramIds.Index index;
        private final Topology topology;
        private final GGraph graph;
        private final Map<String, GModelElement> elements = new LinkedHashMap<>();
        private final Map<EObject, Nodes> nodes = new IdentityHashMap<>();
        private final List<GEdge> edges = new ArrayList<>();
        private final Set<String> edgeIds = new java.util.HashSet<>();

        Run(List<? extends Resource> resources) {
            this.resources = resources;
            this.index = DiagramIds.index(resources);
            this.topology = resources.isEmpty() ? null : Topology.of(resources.get(0));
            this.graph = new GGraphBuilder(DiagramTypes.GRAPH).id(DiagramIds.ROOT_ID).build();
            elements.put(DiagramIds.ROOT_ID, graph);
        }

        void build() {
            List<Element> declared = new ArrayList<>();
            for (Resource resource : resources) {
                Map<String, Integer> ordinals = new HashMap<>();
                for (EObject root : resource.getContents()) {
                    if (root instanceof Model model) {
                        for (Element element : model.getElements()) {
                            if (DiagramIds.Kind.of(element).isPresent() && index.id(element) != null) {
                                String kind = DiagramIds.Kind.of(element).get().word();
                                int ordinal = ordinals.merge(kind, 1, Integer::sum) - 1;
                                create(element, ordinal, fileName(resource));
                                declared.add(element);
                            }
                        }
                    }
                }
            }
            for (Element element : declared) {
                place(element);
            }
            for (Element element : declared) {
                connect(element);
            }
            graph.getChildren().addAll(edges);
        }

        private final Map<Resource, String[]> uris = new IdentityHashMap<>();

        /** The file and offset of the element's text: {@code file:///.../lab.vinfra#1234}. */
        private String trace(EObject element) {
            INode text = NodeModelUtils.getNode(element);
            String file = names(element.eResource())[0];
            return text == null ? file : file + "#" + text.getOffset();
        }

        private String fileName(Resource resource) {
            return names(resource)[1];
        }

        private String[] names(Resource resource) {
            if (resource == null) {
                return new String[] { "", "" };
            }
            return uris.computeIfAbsent(resource, r -> new String[] { r.getURI().toString(), r.getURI().lastSegment() });
        }

        // ------------------------------------------------------------------ nodes

        private void create(EObject element, int ordinal, String file) {
            String id = index.id(element);
            String type = typeOf(element);
            GNode node = node(id, type, element);
            node.getArgs().put(DiagramArgs.ORDINAL, ordinal);
            node.getArgs().put(DiagramArgs.FILE, file);
            labels(node, id, element, figures(element, false));
            Replication replication = Replicas.of(element);
            Map<Integer, GNode> replicas = new TreeMap<>();
            if (replication != null) {
                node.getArgs().put(DiagramArgs.REPLICAS, Replicas.count(element));
                node.getArgs().put(DiagramArgs.EXPANDABLE, true);
                boolean expanded = expandedIds.contains(id);
                node.getArgs().put(DiagramArgs.EXPANDED, expanded);
                node.getCssClasses().add(DiagramArgs.CSS_REPLICATED);
                GButton button = new GButtonBuilder(DiagramTypes.EXPAND_BUTTON).id(DiagramIds.labelId(id, DiagramIds.EXPAND)).enabled(true).build();
                add(node, button);
                elements.put(button.getId(), button);
                if (expanded) {
                    for (int number = replication.getFirst(); number <= replication.getLast(); number++) {
                        String replicaId = DiagramIds.replicaId(id, number);
                        GNode replica = node(replicaId, type, element);
                        replica.getArgs().put(DiagramArgs.REPLICA_OF, id);
                        replica.getArgs().put(DiagramArgs.REPLICA, number);
                        replica.getCssClasses().add(DiagramArgs.CSS_REPLICA);
                        labels(replica, replicaId, element, figures(element, true), nameOf(element) + number);
                        parts(replica, replicaId, element);
                        add(node, replica);
                        replicas.put(number, replica);
                    }
                }
            }
            if (replicas.isEmpty()) {
                parts(node, id, element);
            }
            nodes.put(element, new Nodes(node, replicas));
        }

        private GNode node(String id, String type, EObject element) {
            GNode node = new GNodeBuilder(type).id(id).build();
            node.setTrace(trace(element));
            if (element instanceof Host host && topology != null && id.equals(index.id(host))) {
                hostArgs(node, host); // on the declaration's node: the validator counts a replicated host's commitments together
            }
            elements.put(id, node);
            return node;
        }

        private void hostArgs(GNode node, Host host) {
            Figures.Commitment commitment = Figures.Commitment.of(host, topology);
            node.getArgs().put(DiagramArgs.COMMITTED_VCPUS, commitment.vcpus());
            node.getArgs().put(DiagramArgs.LOGICAL_CPUS, commitment.logicalCpus());
            node.getArgs().put(DiagramArgs.AVAILABLE_VCPUS, commitment.availableVcpus());
            node.getArgs().put(DiagramArgs.COMMITTED_MEMORY, commitment.memory());
            if (commitment.physicalMemory() != null) {
                node.getArgs().put(DiagramArgs.PHYSICAL_MEMORY, commitment.physicalMemory());
                node.getArgs().put(DiagramArgs.AVAILABLE_MEMORY, commitment.availableMemory());
            }
            if (host.getHypervisor() != null) {
                if (commitment.exceeded()) {
                    node.getCssClasses().add(DiagramArgs.CSS_OVERCOMMIT_EXCEEDED);
                } else if (commitment.overcommitted()) {
                    node.getCssClasses().add(DiagramArgs.CSS_OVERCOMMITTED);
                }
            }
        }

        /** The parts drawn inside (or, for vNICs, on) an element's node. */
        private void parts(GNode node, String id, EObject element) {
            switch (element) {
                case Host host -> {
                    partNodes(node, id, host.getNics(), DiagramIds.Kind.NIC, DiagramTypes.NIC);
                    partNodes(node, id, host.getDatastores(), DiagramIds.Kind.DATASTORE, DiagramTypes.DATASTORE);
                    partNodes(node, id, host.getDevices(), DiagramIds.Kind.DEVICE, DiagramTypes.DEVICE);
                }
                case VirtualMachine vm -> {
                    int ordinal = 0;
                    for (VirtualNic vnic : vm.getNics()) {
                        String portId = DiagramIds.partId(id, DiagramIds.Kind.NIC, vnic.getName());
                        if (elements.containsKey(portId) || vnic.getName() == null) {
                            continue;
                        }
                        GPort port = new GPortBuilder(DiagramTypes.VNIC).id(portId).build();
                        port.setTrace(trace(vnic));
                        port.getArgs().put(DiagramArgs.ORDINAL, ordinal++);
                        if (vnic.getIp() != null) {
                            port.getArgs().put(DiagramArgs.IP, vnic.getIp());
                        }
                        elements.put(portId, port);
                        add(port, nameLabel(portId, vnic.getName()));
                        add(node, port);
                    }
                }
                case Compose compose -> {
                    int networkOrdinal = 0;
                    for (Network network : compose.getNetworks()) {
                        if (index.id(network) != null) {
                            create(network, networkOrdinal++, fileName(network.eResource()));
                            add(node, nodes.get(network).node());
                        }
                    }
                    int serviceOrdinal = 0;
                    for (Container service : compose.getServices()) {
                        if (index.id(service) != null) {
                            create(service, serviceOrdinal++, fileName(service.eResource()));
                            add(node, nodes.get(service).node());
                        }
                    }
                }
                default -> {
                    // containers and networks have no parts
                }
            }
        }

        private void partNodes(GNode node, String parentId, List<? extends EObject> parts, DiagramIds.Kind kind, String type) {
            int ordinal = 0;
            for (EObject part : parts) {
                String name = nameOf(part);
                String id = name == null ? null : DiagramIds.partId(parentId, kind, name);
                if (id == null || elements.containsKey(id)) {
                    continue;
                }
                GNode partNode = node(id, type, part);
                partNode.getArgs().put(DiagramArgs.ORDINAL, ordinal++);
                partNode.getArgs().put(DiagramArgs.FILE, fileName(part.eResource()));
                labels(partNode, id, part, figures(part, false));
                add(node, partNode);
            }
        }

        private void labels(GNode node, String id, EObject element, Map<String, String> figures) {
            labels(node, id, element, figures, null);
        }

        private void labels(GNode node, String id, EObject element, Map<String, String> figures, String name) {
            add(node, nameLabel(id, name != null ? name : nameOf(element)));
            figures.forEach((figure, text) -> {
                GLabel label = new GLabelBuilder(DiagramTypes.LABEL_FIGURES).id(DiagramIds.labelId(id, figure)).text(text).build();
                if (DiagramIds.featureOf(element, figure).isPresent()) {
                    label.getArgs().put(DiagramArgs.EDITABLE, true);
                }
                elements.put(label.getId(), label);
                add(node, label);
            });
        }

        private GLabel nameLabel(String id, String name) {
            GLabel label = new GLabelBuilder(DiagramTypes.LABEL_NAME).id(DiagramIds.labelId(id, DiagramIds.NAME)).text(name).build();
            label.getArgs().put(DiagramArgs.EDITABLE, true);
            elements.put(label.getId(), label);
            return label;
        }

        private Map<String, String> figures(EObject element, boolean replica) {
            return switch (element) {
                case Host host -> Figures.host(host, topology, replica);
                case VirtualMachine vm -> Figures.vm(vm, replica);
                case Container container -> Figures.container(container, replica);
                case Compose compose -> Figures.compose(compose);
                case Network network -> Figures.network(network);
                case Nic nic -> Figures.nic(nic, topology);
                case Datastore datastore -> Figures.datastore(datastore);
                case Device device -> Figures.device(device);
                default -> Map.of();
            };
        }

        private static String typeOf(EObject element) {
            return switch (element) {
                case Host h -> DiagramTypes.HOST;
                case VirtualMachine vm -> DiagramTypes.VM;
                case Container c -> DiagramTypes.CONTAINER;
                case Compose c -> DiagramTypes.COMPOSE;
                case Network n -> DiagramTypes.NETWORK;
                default -> throw new IllegalArgumentException("not a declared element: " + element.eClass().getName());
            };
        }

        private static void add(GModelElement parent, GModelElement child) {
            parent.getChildren().add(child);
        }

        // ------------------------------------------------------------------ placement

        /** Puts a declared element's node into the node of what it runs on (or the root). */
        private void place(Element element) {
            GModelElement parent = switch (element) {
                case Network network -> machineNode(network, Literals.NETWORK__HOST);
                case VirtualMachine vm -> machineNode(vm, Literals.VIRTUAL_MACHINE__HOST);
                case Container container -> machineNode(container, Literals.CONTAINER__MACHINE);
                case Compose compose -> machineNode(compose, Literals.COMPOSE__MACHINE);
                default -> null;
            };
            GNode node = nodes.get(element).node();
            if (parent == null || isInside(parent, node)) {
                parent = graph;
            }
            add(parent, node);
        }

        /** A node cannot go inside itself or its own contents (a model placing a VM on a container on it is wrong anyway). */
        private boolean isInside(GModelElement parent, GNode node) {
            for (GModelElement each = parent; each != null; each = each.getParent()) {
                if (each == node) {
                    return true;
                }
            }
            return false;
        }

        /** The node of the machine a reference names: one replica's when the text names a replica and the element is expanded. */
        private GNode machineNode(EObject source, EReference reference) {
            Object value = source.eGet(reference, false);
            if (!(value instanceof EObject target) || target.eIsProxy() || !nodes.containsKey(target)) {
                return null;
            }
            Nodes targetNodes = nodes.get(target);
            Integer replica = replicaNamed(referenceText(source, reference), target, true);
            return replica != null && targetNodes.replicas().containsKey(replica) ? targetNodes.replicas().get(replica) : targetNodes.node();
        }

        // ------------------------------------------------------------------ edges

        private void connect(Element element) {
            switch (element) {
                case VirtualMachine vm -> connectVm(vm);
                case Network network -> connectNetwork(network);
                case Container container -> connectContainer(container);
                case Compose compose -> {
                    compose.getNetworks().forEach(this::connectNetwork);
                    compose.getServices().forEach(this::connectContainer);
                }
                default -> {
                    // hosts start no edge
                }
            }
        }

        private void connectVm(VirtualMachine vm) {
            Nodes vmNodes = nodes.get(vm);
            Integer hostReplica = replicaNamed(referenceText(vm, Literals.VIRTUAL_MACHINE__HOST), vm.getHost(), true);
            for (Map.Entry<String, GNode> source : sources(vm, vmNodes).entrySet()) {
                String sourceId = source.getKey();
                for (VirtualNic vnic : vm.getNics()) {
                    String portId = DiagramIds.partId(sourceId, DiagramIds.Kind.NIC, vnic.getName());
                    if (!(elements.get(portId) instanceof GPort)) {
                        continue;
                    }
                    if (vnic.getNetwork() != null && !vnic.getNetwork().eIsProxy()) {
                        GNode network = nodeOf(vnic.getNetwork());
                        if (network != null) {
                            String label = vnic.getIp() != null ? vnic.getIp() : collapsedCount(vm, vmNodes);
                            GEdge edge = edge(DiagramTypes.EDGE_VNIC, portId, network.getId(), label);
                            if (edge != null && vnic.getIp() != null) {
                                edge.getArgs().put(DiagramArgs.IP, vnic.getIp());
                            }
                        }
                    }
                    Nic pf = vnic.getPhysicalFunction();
                    if (pf != null && !pf.eIsProxy()) {
                        String target = partNodeId(pf, referenceText(vnic, Literals.VIRTUAL_NIC__PHYSICAL_FUNCTION), hostReplica);
                        if (target != null) {
                            edge(DiagramTypes.EDGE_SRIOV, portId, target, virtualFunctions(pf, vnic, source.getValue(), vmNodes));
                        }
                    }
                }
                List<INode> passthroughTexts = vm.getPassthrough().isEmpty() ? List.of()
                        : NodeModelUtils.findNodesForFeature(vm, Literals.VIRTUAL_MACHINE__PASSTHROUGH);
                for (int i = 0; i < vm.getPassthrough().size(); i++) {
                    Device device = vm.getPassthrough().get(i);
                    if (device != null && !device.eIsProxy()) {
                        String text = i < passthroughTexts.size() ? NodeModelUtils.getTokenText(passthroughTexts.get(i)) : null;
                        String target = partNodeId(device, text, hostReplica);
                        if (target != null) {
                            edge(DiagramTypes.EDGE_PASSTHROUGH, sourceId, target, "passthrough");
                        }
                    }
                }
            }
        }

        /** "VF 3", or "VF 3-22" for a collapsed replicated VM: the virtual functions in the order the VMs take them. */
        private String virtualFunctions(Nic pf, VirtualNic vnic, GNode source, Nodes vmNodes) {
            int first = 0;
            for (VirtualNic taker : topology.virtualFunctionsOf(pf)) {
                if (taker == vnic) {
                    break;
                }
                first += Replicas.count(taker.eContainer());
            }
            EObject vm = vnic.eContainer();
            if (source.getArgs().get(DiagramArgs.REPLICA) instanceof Integer number) {
                return "VF " + (first + number - Replicas.of(vm).getFirst());
            }
            int count = Replicas.count(vm);
            return count == 1 ? "VF " + first : "VF " + first + "-" + (first + count - 1);
        }

        private void connectNetwork(Network network) {
            Nic uplink = network.getUplink();
            GNode node = nodeOf(network);
            if (uplink != null && !uplink.eIsProxy() && node != null) {
                Integer hostReplica = network.getHost() == null ? null
                        : replicaNamed(referenceText(network, Literals.NETWORK__HOST), network.getHost(), true);
                String target = partNodeId(uplink, referenceText(network, Literals.NETWORK__UPLINK), hostReplica);
                if (target != null) {
                    edge(DiagramTypes.EDGE_UPLINK, node.getId(), target, "uplink");
                }
            }
        }

        private void connectContainer(Container container) {
            Nodes containerNodes = nodes.get(container);
            if (containerNodes == null) {
                return;
            }
            for (String sourceId : sources(container, containerNodes).keySet()) {
                for (NetworkAttachment attachment : container.getAttachments()) {
                    if (attachment.getNetwork() != null && !attachment.getNetwork().eIsProxy()) {
                        GNode network = nodeOf(attachment.getNetwork());
                        if (network != null) {
                            String label = attachment.getIp() != null ? attachment.getIp() : collapsedCount(container, containerNodes);
                            GEdge edge = edge(DiagramTypes.EDGE_ATTACHMENT, sourceId, network.getId(), label);
                            if (edge != null && attachment.getIp() != null) {
                                edge.getArgs().put(DiagramArgs.IP, attachment.getIp());
                            }
                        }
                    }
                }
                for (Dependency dependency : container.getDependencies()) {
                    Container target = dependency.getTarget();
                    if (target != null && !target.eIsProxy() && nodes.containsKey(target)) {
                        Nodes targetNodes = nodes.get(target);
                        Integer replica = replicaNamed(referenceText(dependency, Literals.DEPENDENCY__TARGET), target, true);
                        GNode targetNode = replica != null && targetNodes.replicas().containsKey(replica) ? targetNodes.replicas().get(replica)
                                : targetNodes.node();
                        String condition = dependency.getCondition() == null ? "started" : dependency.getCondition().getLiteral();
                        edge(DiagramTypes.EDGE_DEPENDS_ON, sourceId, targetNode.getId(), condition);
                    }
                }
            }
        }

        /** The nodes edges of an element start from: each replica's when expanded, else its own. */
        private Map<String, GNode> sources(EObject element, Nodes elementNodes) {
            Map<String, GNode> sources = new LinkedHashMap<>();
            if (elementNodes.replicas().isEmpty()) {
                sources.put(elementNodes.node().getId(), elementNodes.node());
            } else {
                elementNodes.replicas().values().forEach(replica -> sources.put(replica.getId(), replica));
            }
            return sources;
        }

        /** "× 20" on the edge of a collapsed replicated element, nothing otherwise. */
        private String collapsedCount(EObject element, Nodes elementNodes) {
            return Replicas.of(element) != null && elementNodes.replicas().isEmpty() ? "× " + Replicas.count(element) : null;
        }

        private GNode nodeOf(EObject element) {
            Nodes found = nodes.get(element);
            return found == null ? null : found.node();
        }

        /**
         * The id of the node of a host's part (NIC, device): in the expanded host's replica the reference names
         * ({@code node2.eth0}), else in the replica the referring element runs on, else the host's own node
         * (when expanded without a replica to choose, the edge goes to the group).
         */
        private String partNodeId(EObject part, String referenceText, Integer contextReplica) {
            if (!(part.eContainer() instanceof Host host) || !nodes.containsKey(host)) {
                return null;
            }
            Nodes hostNodes = nodes.get(host);
            String partId = index.id(part);
            if (partId == null) {
                return null;
            }
            if (hostNodes.replicas().isEmpty()) {
                return elements.containsKey(partId) ? partId : null;
            }
            Integer replica = replicaNamed(referenceText, host, false);
            if (replica == null) {
                replica = contextReplica;
            }
            if (replica != null && hostNodes.replicas().containsKey(replica)) {
                String inReplica = DiagramIds.replicaId(index.id(host), replica) + partId.substring(index.id(host).length());
                if (elements.containsKey(inReplica)) {
                    return inReplica;
                }
            }
            return hostNodes.node().getId();
        }

        /**
         * The replica a reference's text names: for a reference to the element itself ({@code on web3}), its last
         * segment; for a reference to a part ({@code sriov node2.eth0}), the segments before the last.
         */
        private Integer replicaNamed(String text, EObject element, boolean toElement) {
            Replication replication = element == null ? null : Replicas.of(element);
            String name = element == null ? null : nameOf(element);
            if (text == null || replication == null || name == null) {
                return null;
            }
            String[] segments = text.trim().split("\\s*\\.\\s*");
            int from = toElement ? segments.length - 1 : 0;
            int to = toElement ? segments.length : segments.length - 1;
            for (int i = Math.max(0, from); i < to; i++) {
                String segment = segments[i].startsWith("^") ? segments[i].substring(1) : segments[i];
                if (segment.length() > name.length() && segment.startsWith(name)) {
                    String digits = segment.substring(name.length());
                    if (digits.chars().allMatch(Character::isDigit) && digits.length() < 10) {
                        int number = Integer.parseInt(digits);
                        if (number >= replication.getFirst() && number <= replication.getLast()) {
                            return number;
                        }
                    }
                }
            }
            return null;
        }

        private String referenceText(EObject source, EReference reference) {
            Object target = source.eGet(reference, false);
            EObject replicated = target instanceof EObject t && !(t instanceof Host || t instanceof VirtualMachine || t instanceof Container)
                    ? t.eContainer() : (EObject) target;
            if (replicated == null || Replicas.of(replicated) == null) {
                return null; // only a replica's name matters
            }
            List<INode> found = NodeModelUtils.findNodesForFeature(source, reference);
            return found.isEmpty() ? null : NodeModelUtils.getTokenText(found.get(0));
        }

        private GEdge edge(String type, String sourceId, String targetId, String label) {
            String id = DiagramIds.edgeId(sourceId, targetId);
            if (!elements.containsKey(sourceId) || !elements.containsKey(targetId) || sourceId.equals(targetId)) {
                return null;
            }
            if (!edgeIds.add(id)) {
                return null;
            }
            GEdge edge = new GEdgeBuilder(type).id(id).sourceId(sourceId).targetId(targetId).build();
            if (label != null) {
                GLabel edgeLabel = new GLabelBuilder(DiagramTypes.LABEL_EDGE).id(DiagramIds.labelId(id, DiagramIds.EDGE_LABEL)).text(label)
                        .edgePlacement(new GEdgePlacementBuilder().position(0.5).offset(4).side("on").rotate(false).build()).build();
                edge.getChildren().add(edgeLabel);
                elements.put(edgeLabel.getId(), edgeLabel);
            }
            elements.put(id, edge);
            edges.add(edge);
            return edge;
        }
    }

    static String nameOf(EObject element) {
        var feature = element.eClass().getEStructuralFeature("name");
        return feature == null ? null : (String) element.eGet(feature);
    }

    /** The ids of the replicated elements of these models, e.g. for "expand all". */
    public static Set<String> replicatedIds(TopologyDiagram diagram) {
        Set<String> ids = new LinkedHashSet<>();
        diagram.elements().forEach((id, element) -> {
            if (Boolean.TRUE.equals(element.getArgs().get(DiagramArgs.EXPANDABLE))) {
                ids.add(id);
            }
        });
        return ids;
    }
}
