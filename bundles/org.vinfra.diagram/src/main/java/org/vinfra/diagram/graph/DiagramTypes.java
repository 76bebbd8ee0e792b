package org.vinfra.diagram.graph;

import org.eclipse.glsp.graph.DefaultTypes;

/**
 * The GLSP element types of the topology diagram: what a client binds its views to. Nodes are {@code node:*},
 * edges {@code edge:*}, labels {@code label:*}.
 */
public final class DiagramTypes {

    /** The root. */
    public static final String GRAPH = DefaultTypes.GRAPH;

    /** A physical host (or a group of replicated hosts): a container with a header. */
    public static final String HOST = "node:host";
    public static final String VM = "node:vm";
    /** A container, LXC or Docker, including the services of a compose deployment. */
    public static final String CONTAINER = "node:container";
    /** A compose deployment: a group of its services (and its own networks). */
    public static final String COMPOSE = "node:compose";
    /** A virtual network: a switch or a bridge; NAT, bridged, host-only or internal. */
    public static final String NETWORK = "node:network";
    /** A physical NIC of a host (an SR-IOV physical function shows its virtual functions in its figures). */
    public static final String NIC = "node:nic";
    public static final String DATASTORE = "node:datastore";
    /** A device of a host that VMs can take by passthrough (GPU, USB, disk...). */
    public static final String DEVICE = "node:device";
    /** A VM's virtual NIC, a port on the VM's border; its {@code edge:vnic} or {@code edge:sriov} starts there. */
    public static final String VNIC = "port:vnic";

    /** From a VM's vNIC to its network, labelled with the IP address. */
    public static final String EDGE_VNIC = "edge:vnic";
    /** From a bridged network to the host NIC it bridges to. */
    public static final String EDGE_UPLINK = "edge:uplink";
    /** From a VM's vNIC to the SR-IOV physical function whose virtual function it takes. */
    public static final String EDGE_SRIOV = "edge:sriov";
    /** From a VM to a host device it takes by passthrough. */
    public static final String EDGE_PASSTHROUGH = "edge:passthrough";
    /** From a container to the container it waits for, labelled with the condition. */
    public static final String EDGE_DEPENDS_ON = "edge:depends-on";
    /** From a container to a network it is attached to, labelled with the IP address. */
    public static final String EDGE_ATTACHMENT = "edge:attachment";

    /** An element's name: editable (direct edit renames the element). */
    public static final String LABEL_NAME = "label:name";
    /** One figure of an element (CPUs, memory, hypervisor...), one label each. */
    public static final String LABEL_FIGURES = "label:figures";
    /** The label of an edge (IP address, condition, virtual function). */
    public static final String LABEL_EDGE = "label:edge";
    /** The button that expands or collapses a replicated element (GLSP's {@code button:expand}). */
    public static final String EXPAND_BUTTON = DefaultTypes.EXPAND_BUTTON;

    private DiagramTypes() {
    }

    /** Is this the type of a node (not a port, label or edge)? */
    public static boolean isNode(String type) {
        return type != null && type.startsWith("node:");
    }

    public static boolean isEdge(String type) {
        return type != null && type.startsWith("edge:");
    }
}
