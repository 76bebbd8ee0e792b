package org.vinfra.diagram.graph;

/**
 * The keys of the {@code args} the builder sets on diagram elements (GLSP sends them to the client with the
 * element). Numbers are {@code Integer}, {@code Long} or {@code Double}; flags are {@code Boolean}.
 */
public final class DiagramArgs {

    /** On a node that stands for several replicas ({@code vm web[1..20]}): how many (Integer). */
    public static final String REPLICAS = "replicas";
    /** On a replicated node: it can be expanded into its replicas (Boolean, always true there). */
    public static final String EXPANDABLE = "expandable";
    /** On a replicated node: whether it shows its replicas as children (Boolean). */
    public static final String EXPANDED = "expanded";
    /** On the node of one replica ({@code vm:web3}): the id of its replicated element ({@code vm:web}). */
    public static final String REPLICA_OF = "replicaOf";
    /** On the node of one replica: its number (Integer: 3 for web3). */
    public static final String REPLICA = "replica";
    /** On a declared element's node: the file it is declared in (the file name only). */
    public static final String FILE = "file";
    /**
     * On a declared element's node: its rank among the declarations of the same kind in the same scope (the
     * file for top-level elements, the enclosing declaration for parts), from 0. The layout sidecar uses it to
     * recognise an element renamed in the text.
     */
    public static final String ORDINAL = "ordinal";
    /** On a label: direct edit may change it (Boolean). */
    public static final String EDITABLE = "editable";
    /** On a host: vCPUs committed by the VMs placed on it, times their replicas (Long), as the validator counts them. */
    public static final String COMMITTED_VCPUS = "committedVcpus";
    /** On a host: logical CPUs (sockets x cores x threads) times the host's replicas (Long). */
    public static final String LOGICAL_CPUS = "logicalCpus";
    /** On a host: logical CPUs times the hypervisor's CPU overcommit ratio: what may be committed (Double). */
    public static final String AVAILABLE_VCPUS = "availableVcpus";
    /** On a host: bytes of memory committed by its VMs (Long). */
    public static final String COMMITTED_MEMORY = "committedMemory";
    /** On a host: bytes of physical memory times the host's replicas (Long), absent when the model does not say. */
    public static final String PHYSICAL_MEMORY = "physicalMemory";
    /** On a host: physical memory times the memory overcommit ratio (Double). */
    public static final String AVAILABLE_MEMORY = "availableMemory";
    /** On a vNIC, an attachment edge or a vNIC edge: the IPv4 address written in the model (String). */
    public static final String IP = "ip";

    /** CSS class of a host whose VMs commit more vCPUs or memory than it has (allowed by its overcommit ratios). */
    public static final String CSS_OVERCOMMITTED = "overcommitted";
    /** CSS class of a host whose VMs commit more than its overcommit ratios allow (the validator reports an error). */
    public static final String CSS_OVERCOMMIT_EXCEEDED = "overcommit-exceeded";
    /** CSS class of a replicated element's node. */
    public static final String CSS_REPLICATED = "replicated";
    /** CSS class of the node of one replica of an expanded element. */
    public static final String CSS_REPLICA = "replica";

    private DiagramArgs() {
    }
}
