package org.vinfra.lang.model;

import org.vinfra.lang.vinfra.Cgroup;
import org.vinfra.lang.vinfra.Container;
import org.vinfra.lang.vinfra.Cpu;
import org.vinfra.lang.vinfra.CpuFeature;
import org.vinfra.lang.vinfra.Host;
import org.vinfra.lang.vinfra.Hypervisor;
import org.vinfra.lang.vinfra.HypervisorProduct;
import org.vinfra.lang.vinfra.HypervisorType;
import org.vinfra.lang.vinfra.Machine;
import org.vinfra.lang.vinfra.Overcommit;
import org.vinfra.lang.vinfra.Technique;
import org.vinfra.lang.vinfra.VirtualMachine;
import org.vinfra.lang.vinfra.VinfraPackage;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * The one place for the values a model leaves out: a value not written in the text is null in the
 * model, and the tools (validation, simulator, exporters) read the effective value from here.
 */
public final class Defaults {

    /** Without an overcommit block, a hypervisor commits no more than it has. */
    public static final double CPU_OVERCOMMIT_RATIO = 1.0;
    public static final double MEMORY_OVERCOMMIT_RATIO = 1.0;
    /** One PCIe physical function offers at most 256 virtual functions (SR-IOV). */
    public static final int SRIOV_MAX_VFS = 256;
    public static final int VCPUS = 1;
    /**
     * The most logical CPUs one Linux kernel runs on: 8,192, the top of CONFIG_NR_CPUS on x86-64 (with MAXSMP,
     * arch/x86/Kconfig). The largest servers have a few thousand.
     */
    public static final int MAX_LOGICAL_CPUS = 8192;

    private Defaults() {
    }

    public static int sockets(Host host) {
        Cpu cpu = host.getCpu();
        return cpu == null || cpu.getSockets() == null ? 1 : cpu.getSockets();
    }

    public static int coresPerSocket(Host host) {
        Cpu cpu = host.getCpu();
        return cpu == null || cpu.getCores() == null ? 1 : cpu.getCores();
    }

    public static int threadsPerCore(Host host) {
        Cpu cpu = host.getCpu();
        return cpu == null || cpu.getThreads() == null ? 1 : cpu.getThreads();
    }

    /** Physical cores: sockets x cores, at most Integer.MAX_VALUE (over {@link #MAX_LOGICAL_CPUS} is a validation error). */
    public static int physicalCores(Host host) {
        return (int) Math.min(Integer.MAX_VALUE, (long) sockets(host) * coresPerSocket(host));
    }

    /**
     * Logical CPUs: sockets x cores x threads (hyperthreads count as logical CPUs), at most Integer.MAX_VALUE (over
     * {@link #MAX_LOGICAL_CPUS} is a validation error).
     */
    public static int logicalCpus(Host host) {
        return (int) Math.min(Integer.MAX_VALUE, (long) sockets(host) * coresPerSocket(host) * threadsPerCore(host));
    }

    public static boolean hasFeature(Host host, CpuFeature feature) {
        return host.getCpu() != null && host.getCpu().getFeatures().contains(feature);
    }

    /** VT-x or AMD-V: the CPU can run hardware-assisted virtualization. */
    public static boolean hasVirtualizationExtensions(Host host) {
        return hasFeature(host, CpuFeature.VTX) || hasFeature(host, CpuFeature.AMDV);
    }

    /** VT-d or AMD-Vi: the IOMMU that passthrough and SR-IOV virtual functions need. */
    public static boolean hasIommu(Host host) {
        return hasFeature(host, CpuFeature.VTD) || hasFeature(host, CpuFeature.AMDVI);
    }

    public static int vcpus(VirtualMachine vm) {
        return vm.getVcpus() == null ? VCPUS : vm.getVcpus();
    }

    /** The hypervisor's type as written, else the usual type of its product. */
    public static HypervisorType type(Hypervisor hypervisor) {
        boolean written = hypervisor.eIsSet(VinfraPackage.Literals.HYPERVISOR__TYPE)
                || !NodeModelUtils.findNodesForFeature(hypervisor, VinfraPackage.Literals.HYPERVISOR__TYPE).isEmpty();
        return written ? hypervisor.getType() : usualType(hypervisor.getProduct());
    }

    public static HypervisorType usualType(HypervisorProduct product) {
        return switch (product) {
            case KVM, XEN, ESXI, HYPERV -> HypervisorType.TYPE1;
            case VIRTUALBOX, UTM, VMWARE_WORKSTATION, PARALLELS, QEMU -> HypervisorType.TYPE2;
        };
    }

    /** The technique as written, else hardware-assisted (the enum's default: what current products use). */
    public static Technique technique(Hypervisor hypervisor) {
        return hypervisor.getTechnique();
    }

    public static double cpuOvercommitRatio(Hypervisor hypervisor) {
        Overcommit overcommit = hypervisor.getOvercommit();
        return overcommit == null || overcommit.getCpuRatio() == null ? CPU_OVERCOMMIT_RATIO : overcommit.getCpuRatio();
    }

    public static double memoryOvercommitRatio(Hypervisor hypervisor) {
        Overcommit overcommit = hypervisor.getOvercommit();
        return overcommit == null || overcommit.getMemoryRatio() == null ? MEMORY_OVERCOMMIT_RATIO : overcommit.getMemoryRatio();
    }

    /** The memory of a machine (host or VM), or null when the model does not say. */
    public static Long memory(Machine machine) {
        return switch (machine) {
            case Host host -> host.getMemory();
            case VirtualMachine vm -> vm.getMemory();
            default -> null;
        };
    }

    /** The CPUs a machine offers its containers: a host's logical CPUs or a VM's vCPUs. */
    public static int cpus(Machine machine) {
        return switch (machine) {
            case Host host -> logicalCpus(host);
            case VirtualMachine vm -> vcpus(vm);
            default -> 1;
        };
    }

    /** The memory limit: the cgroup's, else the orchestrator's (compose deploy.resources.limits), else null. */
    public static Long memoryLimit(Container container) {
        Cgroup cgroup = container.getCgroup();
        if (cgroup != null && cgroup.getMemoryLimit() != null) {
            return cgroup.getMemoryLimit();
        }
        return container.getResources() == null ? null : container.getResources().getMemory();
    }

    /** The CPU quota in CPUs: the cgroup's, else the orchestrator's limit, else null. */
    public static Double cpuQuota(Container container) {
        Cgroup cgroup = container.getCgroup();
        if (cgroup != null && cgroup.getCpus() != null) {
            return cgroup.getCpus();
        }
        return container.getResources() == null ? null : container.getResources().getCpus();
    }

    /** A compose service with profiles starts only when one of them is activated; a plain 'up' leaves it stopped. */
    public static boolean startsByDefault(Container container) {
        return container.getProfiles().isEmpty();
    }
}
