package org.vinfra.lang.validation;

import java.math.BigInteger;

import org.eclipse.xtext.validation.Check;
import org.vinfra.lang.model.Defaults;
import org.vinfra.lang.model.Replicas;
import org.vinfra.lang.model.Topology;
import org.vinfra.lang.vinfra.Cpu;
import org.vinfra.lang.vinfra.Datastore;
import org.vinfra.lang.vinfra.Host;
import org.vinfra.lang.vinfra.Hypervisor;
import org.vinfra.lang.vinfra.HypervisorType;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.Nic;
import org.vinfra.lang.vinfra.Sriov;
import org.vinfra.lang.vinfra.Technique;
import org.vinfra.lang.vinfra.VinfraPackage.Literals;
import org.vinfra.lang.vinfra.VirtualMachine;
import org.vinfra.lang.vinfra.VirtualNic;

/** Physical hosts, their CPUs, NICs and datastores, and the hypervisor on each. */
public class HostValidator extends VinfraCheck {

    @Check
    public void countsArePositive(Cpu cpu) {
        if (cpu.getSockets() != null && cpu.getSockets() == 0) {
            zero(cpu, Literals.CPU__SOCKETS, "sockets", "A host has at least one CPU socket");
        }
        if (cpu.getCores() != null && cpu.getCores() == 0) {
            zero(cpu, Literals.CPU__CORES, "cores", "Each socket holds at least one core");
        }
        if (cpu.getThreads() != null && cpu.getThreads() == 0) {
            zero(cpu, Literals.CPU__THREADS, "threads", "Each core runs at least one thread (2 with hyperthreading)");
        }
    }

    /** sockets x cores x threads within what one kernel runs on (and within an int: 2^31 sockets wrapped round to a few CPUs). */
    @Check
    public void logicalCpusWithinLinuxLimit(Cpu cpu) {
        long sockets = cpu.getSockets() == null ? 1 : cpu.getSockets();
        long cores = cpu.getCores() == null ? 1 : cpu.getCores();
        long threads = cpu.getThreads() == null ? 1 : cpu.getThreads();
        BigInteger logical = BigInteger.valueOf(sockets).multiply(BigInteger.valueOf(cores))
                .multiply(BigInteger.valueOf(threads));
        if (logical.compareTo(BigInteger.valueOf(Defaults.MAX_LOGICAL_CPUS)) > 0) {
            String host = cpu.eContainer() instanceof Host owner ? "Host '" + owner.getName() + "'" : "This CPU";
            error(host + " has " + sockets + " sockets x " + cores + " cores x " + threads + " threads = " + logical
                    + " logical CPUs. One Linux kernel runs on at most " + Defaults.MAX_LOGICAL_CPUS + " (CONFIG_NR_CPUS on x86-64), and"
                    + " the largest servers have a few thousand. Lower sockets, cores or threads to what the machine has (e.g. 2 sockets x"
                    + " 32 cores x 2 threads).", cpu, cpu.getCores() != null ? Literals.CPU__CORES : cpu.getSockets() != null ? Literals.CPU__SOCKETS
                            : Literals.CPU__THREADS, IssueCodes.TOO_MANY_CPUS);
        }
    }

    /** A host without memory, a CPU that does not tick, a NIC that carries nothing: the simulation would divide by them. */
    @Check
    public void sizesArePositive(Host host) {
        zeroValue(host, Literals.HOST__MEMORY, host.getMemory(), "memory", "A host needs memory for its hypervisor, VMs and containers");
    }

    @Check
    public void frequencyIsPositive(Cpu cpu) {
        zeroValue(cpu, Literals.CPU__FREQUENCY, cpu.getFrequency(), "frequency", "A CPU runs at some clock rate (e.g. 2.4 GHz)");
    }

    @Check
    public void speedIsPositive(Nic nic) {
        zeroValue(nic, Literals.NIC__SPEED, nic.getSpeed(), "speed", "A NIC carries some bandwidth (e.g. 10 Gbps)");
    }

    private void zero(Cpu cpu, org.eclipse.emf.ecore.EAttribute feature, String what, String why) {
        error("'" + what + " 0' describes no CPU. " + why + ": write 1 or more.", cpu, feature, IssueCodes.ZERO_COUNT);
    }

    @Check
    public void hostHasMemory(Host host) {
        if (host.getMemory() == null) {
            warning("Host '" + host.getName() + "' does not say how much physical memory it has, so nothing can check whether its VMs"
                    + " and containers fit. Add e.g. 'memory 64 GiB'.", host, Literals.HOST__NAME, IssueCodes.HOST_WITHOUT_MEMORY);
        }
    }

    @Check
    public void hardwareAssistNeedsExtensions(Hypervisor hypervisor) {
        Host host = (Host) hypervisor.eContainer();
        if (Defaults.technique(hypervisor) == Technique.HARDWARE_ASSISTED && !Defaults.hasVirtualizationExtensions(host)) {
            error("Hardware-assisted virtualization needs CPU extensions (Intel VT-x or AMD-V) that give the hypervisor a root mode"
                    + " below ring 0, and host '" + host.getName() + "' lists neither. Add 'features vt-x' (or amd-v) to its cpu block"
                    + " if the CPU has them, or choose 'technique full' (binary translation) or 'technique paravirtual' (hypercalls).",
                    hypervisor, Literals.HYPERVISOR__PRODUCT, IssueCodes.HARDWARE_ASSIST_WITHOUT_VTX);
        }
    }

    @Check
    public void type2NeedsHostOs(Hypervisor hypervisor) {
        Host host = (Host) hypervisor.eContainer();
        if (Defaults.type(hypervisor) == HypervisorType.TYPE2 && (host.getOs() == null || host.getOs().isBlank())) {
            error("A type-2 (hosted) hypervisor such as " + hypervisor.getProduct().getLiteral() + " is an application that runs on an"
                    + " operating system, but host '" + host.getName() + "' has none. Add the host OS, e.g. os \"Ubuntu 24.04\", or use"
                    + " a type-1 (bare-metal) hypervisor.", hypervisor, Literals.HYPERVISOR__PRODUCT, IssueCodes.TYPE2_WITHOUT_HOST_OS);
        }
    }

    @Check
    public void typeMatchesProduct(Hypervisor hypervisor) {
        HypervisorType usual = Defaults.usualType(hypervisor.getProduct());
        HypervisorType type = Defaults.type(hypervisor);
        if (type != usual) {
            warning(hypervisor.getProduct().getLiteral() + " is a " + usual.getLiteral() + " hypervisor ("
                    + (usual == HypervisorType.TYPE1 ? "bare metal: it runs directly on the hardware" : "hosted: an application on an OS")
                    + "), but this one is declared " + type.getLiteral() + ". Remove the type to use the product's own, or check the product.",
                    hypervisor, Literals.HYPERVISOR__TYPE, IssueCodes.UNUSUAL_HYPERVISOR_TYPE);
        }
    }

    @Check
    public void sriovWithinLimits(Sriov sriov) {
        Integer offered = sriov.getMaxVfs();
        Integer configured = sriov.getVfs();
        if (offered != null && offered > Defaults.SRIOV_MAX_VFS) {
            error("An SR-IOV physical function offers at most " + Defaults.SRIOV_MAX_VFS + " virtual functions (the PCIe limit), not "
                    + offered + ". Lower max-vfs to what the NIC's datasheet says.", sriov, Literals.SRIOV__MAX_VFS, IssueCodes.SRIOV_TOO_MANY_VFS);
        }
        int limit = offered == null ? Defaults.SRIOV_MAX_VFS : Math.min(offered, Defaults.SRIOV_MAX_VFS);
        if (configured != null && configured > limit) {
            error("This NIC is configured with " + configured + " virtual functions but offers only " + limit + ". Each VF is a PCIe"
                    + " function the physical function creates; lower 'vfs' to " + limit + " or fewer.", sriov, Literals.SRIOV__VFS,
                    IssueCodes.SRIOV_TOO_MANY_VFS);
        }
    }

    /** VMs that take a virtual function each must not need more VFs than the NIC has. */
    @Check
    public void virtualFunctionsSuffice(Model model) {
        Topology topology = topology(model);
        for (Host host : topology.hosts()) {
            if (host.eResource() != model.eResource()) {
                continue;
            }
            for (Nic nic : host.getNics()) {
                long used = 0;
                for (VirtualNic vnic : topology.virtualFunctionsOf(nic)) {
                    used += Replicas.count(vnic.eContainer());
                }
                if (used == 0) {
                    continue;
                }
                int available = availableVfs(nic) * Math.max(1, Replicas.count(host));
                if (used > available) {
                    error(used + " virtual NICs take an SR-IOV virtual function of NIC '" + nic.getName() + "', but it has only " + available
                            + " configured. Each VM NIC with 'sriov' needs a VF of its own; raise 'vfs' in the NIC's sriov block (up to max-vfs)"
                            + " or attach some VMs to a virtual switch instead.", nic, Literals.NIC__NAME, IssueCodes.SRIOV_VFS_EXHAUSTED);
                }
            }
        }
    }

    private static int availableVfs(Nic nic) {
        Sriov sriov = nic.getSriov();
        if (sriov == null) {
            return 0;
        }
        if (sriov.getVfs() != null) {
            return sriov.getVfs();
        }
        return sriov.getMaxVfs() == null ? 0 : sriov.getMaxVfs();
    }

    @Check
    public void datastoreNotOverfull(Datastore datastore) {
        if (datastore.getCapacity() != null && datastore.getUsed() != null && datastore.getUsed() > datastore.getCapacity()) {
            error("Datastore '" + datastore.getName() + "' uses " + Messages.size(datastore.getUsed()) + " of a capacity of only "
                    + Messages.size(datastore.getCapacity()) + ". Correct 'used' or 'capacity'.", datastore, Literals.DATASTORE__USED,
                    IssueCodes.DATASTORE_OVERFULL);
        }
    }

    /** Used by the VM rules: the host a VM is placed on, when it resolves. */
    static Host hostOf(VirtualMachine vm) {
        Host host = vm.getHost();
        return host == null || host.eIsProxy() ? null : host;
    }
}
