package org.vinfra.lang.validation;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Every diagnostic code of the language, one constant each. Each is documented in
 * docs/diagnostics.md (a test checks it) and printed by the command line next to its message.
 */
public final class IssueCodes {

    private static final String PREFIX = "vinfra.";

    // names and structure
    public static final String UNRESOLVED_REFERENCE = PREFIX + "unresolved-reference";
    public static final String DUPLICATE_NAME = PREFIX + "duplicate-name";
    public static final String DUPLICATE_SETTING = PREFIX + "duplicate-setting";
    public static final String EMPTY_REPLICATION = PREFIX + "empty-replication";
    /** More elements after replication than {@link org.vinfra.lang.model.Limits#elements()}, in one range or in the file. */
    public static final String TOO_MANY_ELEMENTS = PREFIX + "too-many-elements";
    /** A file larger than {@link org.vinfra.lang.model.Limits#fileSize()}. */
    public static final String FILE_TOO_LARGE = PREFIX + "file-too-large";
    /** Blocks, lists or maps nested deeper than {@link org.vinfra.lang.model.Limits#depth()}. */
    public static final String TOO_DEEPLY_NESTED = PREFIX + "too-deeply-nested";
    public static final String IMPORT_NOT_FOUND = PREFIX + "import-not-found";
    public static final String EXPORT_CLASH = PREFIX + "export-clash";
    public static final String SYNTAX_ERROR = PREFIX + "syntax-error";
    /** A validation rule failed on an element (a fault of vinfra): reported there instead of stopping validation. */
    public static final String INTERNAL_ERROR = PREFIX + "internal-error";
    public static final String INVALID_VALUE = PREFIX + "invalid-value";

    // hosts and hypervisors
    public static final String ZERO_COUNT = PREFIX + "zero-count";
    public static final String ZERO_VALUE = PREFIX + "zero-value";
    public static final String TOO_MANY_CPUS = PREFIX + "too-many-cpus";
    public static final String HOST_WITHOUT_MEMORY = PREFIX + "host-without-memory";
    public static final String HARDWARE_ASSIST_WITHOUT_VTX = PREFIX + "hardware-assist-without-vtx";
    public static final String TYPE2_WITHOUT_HOST_OS = PREFIX + "type2-without-host-os";
    public static final String UNUSUAL_HYPERVISOR_TYPE = PREFIX + "unusual-hypervisor-type";
    public static final String SRIOV_TOO_MANY_VFS = PREFIX + "sriov-too-many-vfs";
    public static final String SRIOV_VFS_EXHAUSTED = PREFIX + "sriov-vfs-exhausted";
    public static final String SRIOV_NOT_ENABLED = PREFIX + "sriov-not-enabled";
    public static final String PASSTHROUGH_WITHOUT_IOMMU = PREFIX + "passthrough-without-iommu";
    public static final String DATASTORE_OVERFULL = PREFIX + "datastore-overfull";

    // virtual machines
    public static final String VM_WITHOUT_HYPERVISOR = PREFIX + "vm-without-hypervisor";
    public static final String VCPUS_EXCEED_HOST = PREFIX + "vcpus-exceed-host";
    public static final String CPU_OVERCOMMIT = PREFIX + "cpu-overcommit";
    public static final String CPU_OVERCOMMIT_EXCEEDED = PREFIX + "cpu-overcommit-exceeded";
    public static final String MEMORY_OVERCOMMIT = PREFIX + "memory-overcommit";
    public static final String MEMORY_OVERCOMMIT_EXCEEDED = PREFIX + "memory-overcommit-exceeded";
    public static final String MAX_MEMORY_BELOW_MEMORY = PREFIX + "max-memory-below-memory";
    public static final String DISK_EXCEEDS_DATASTORE = PREFIX + "disk-exceeds-datastore";
    public static final String RESOURCE_ON_OTHER_HOST = PREFIX + "resource-on-other-host";

    // networks
    public static final String OVERLAPPING_CIDR = PREFIX + "overlapping-cidr";
    public static final String DUPLICATE_IP = PREFIX + "duplicate-ip";
    public static final String DUPLICATE_MAC = PREFIX + "duplicate-mac";
    public static final String INVALID_MAC = PREFIX + "invalid-mac";
    public static final String IP_OUTSIDE_CIDR = PREFIX + "ip-outside-cidr";
    public static final String BRIDGED_WITHOUT_UPLINK = PREFIX + "bridged-without-uplink";
    public static final String FORWARD_WITHOUT_NAT = PREFIX + "forward-without-nat";
    public static final String IPV6_NOT_ENABLED = PREFIX + "ipv6-not-enabled";

    // containers, images and compose
    public static final String DUPLICATE_PUBLISHED_PORT = PREFIX + "duplicate-published-port";
    public static final String DEPENDENCY_CYCLE = PREFIX + "dependency-cycle";
    public static final String IMAGE_CYCLE = PREFIX + "image-cycle";
    public static final String HEALTHY_WITHOUT_HEALTHCHECK = PREFIX + "healthy-without-healthcheck";
    public static final String CONTAINER_MEMORY_EXCEEDS_MACHINE = PREFIX + "container-memory-exceeds-machine";
    public static final String CONTAINER_CPUS_EXCEED_MACHINE = PREFIX + "container-cpus-exceed-machine";
    public static final String INVALID_CPUSET = PREFIX + "invalid-cpuset";
    public static final String LXC_PRIVILEGED = PREFIX + "lxc-privileged";
    public static final String PLAIN_SECRET = PREFIX + "plain-secret";
    public static final String UNPINNED_IMAGE = PREFIX + "unpinned-image";
    public static final String CONTAINER_WITHOUT_IMAGE = PREFIX + "container-without-image";
    public static final String SYSCTL_NOT_NAMESPACED = PREFIX + "sysctl-not-namespaced";
    public static final String ULIMIT_SOFT_ABOVE_HARD = PREFIX + "ulimit-soft-above-hard";
    public static final String UNKNOWN_CAPABILITY = PREFIX + "unknown-capability";
    public static final String NATIVE_FOR_OTHER_FORMAT = PREFIX + "native-for-other-format";
    public static final String SECRET_WITHOUT_SOURCE = PREFIX + "secret-without-source";

    // images and their build
    public static final String STAGE_ORDER = PREFIX + "stage-order";
    public static final String UNDECLARED_BUILD_ARG = PREFIX + "undeclared-build-arg";
    public static final String SUDO_IN_BUILD = PREFIX + "sudo-in-build";
    public static final String APT_LISTS_KEPT = PREFIX + "apt-lists-kept";

    // workloads and timeline
    public static final String THREADS_EXCEED_VCPUS = PREFIX + "threads-exceed-vcpus";
    public static final String HOT_ADD_BEYOND_MAX = PREFIX + "hot-add-beyond-max";
    public static final String HOT_REMOVE = PREFIX + "hot-remove";
    public static final String WORKLOAD_WITHOUT_DEMAND = PREFIX + "workload-without-demand";

    private IssueCodes() {
    }

    /** All codes, in declaration order. */
    public static List<String> all() {
        List<String> codes = new ArrayList<>();
        for (Field field : IssueCodes.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class && !field.getName().equals("PREFIX")) {
                try {
                    codes.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return codes;
    }
}
