package org.vinfra.lang.validation;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.validation.Check;
import org.vinfra.lang.model.Defaults;
import org.vinfra.lang.model.Replicas;
import org.vinfra.lang.model.Topology;
import org.vinfra.lang.vinfra.Datastore;
import org.vinfra.lang.vinfra.Device;
import org.vinfra.lang.vinfra.Host;
import org.vinfra.lang.vinfra.Hypervisor;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.Nic;
import org.vinfra.lang.vinfra.Provisioning;
import org.vinfra.lang.vinfra.VinfraPackage.Literals;
import org.vinfra.lang.vinfra.VirtualDisk;
import org.vinfra.lang.vinfra.VirtualMachine;
import org.vinfra.lang.vinfra.VirtualNic;

/** Virtual machines: what they take from their host (CPU, memory, disks, devices, VFs). */
public class VirtualMachineValidator extends VinfraCheck {

    @Check
    public void vcpusAndMemoryArePositive(VirtualMachine vm) {
        if (vm.getVcpus() != null && vm.getVcpus() == 0) {
            error("'vcpus 0' describes no CPU: a VM runs on at least one vCPU. Write 1 or more.", vm, Literals.VIRTUAL_MACHINE__VCPUS,
                    IssueCodes.ZERO_COUNT);
        }
        zeroValue(vm, Literals.VIRTUAL_MACHINE__MEMORY, vm.getMemory(), "memory", "A VM needs memory for its guest OS");
    }

    @Check
    public void hostRunsAHypervisor(VirtualMachine vm) {
        Host host = HostValidator.hostOf(vm);
        if (host != null && host.getHypervisor() == null) {
            error("VM '" + vm.getName() + "' is placed on host '" + host.getName() + "', which runs no hypervisor. A VM needs a hypervisor"
                    + " (the virtual machine monitor) to present it virtual hardware; add one to the host, e.g. 'hypervisor kvm'.",
                    vm, Literals.VIRTUAL_MACHINE__HOST, IssueCodes.VM_WITHOUT_HYPERVISOR);
        }
    }

    @Check
    public void vcpusFitTheHost(VirtualMachine vm) {
        Host host = HostValidator.hostOf(vm);
        if (host == null) {
            return;
        }
        int logical = Defaults.logicalCpus(host);
        if (Defaults.vcpus(vm) > logical) {
            error("VM '" + vm.getName() + "' has " + Defaults.vcpus(vm) + " vCPUs but host '" + host.getName() + "' has only " + logical
                    + " logical CPUs (" + Defaults.sockets(host) + " sockets x " + Defaults.coresPerSocket(host) + " cores x "
                    + Defaults.threadsPerCore(host) + " threads). The hypervisor schedules each vCPU on a logical CPU, and a VM's vCPUs must"
                    + " run at the same time, so lower vcpus to " + logical + " or fewer.", vm, Literals.VIRTUAL_MACHINE__VCPUS,
                    IssueCodes.VCPUS_EXCEED_HOST);
        }
    }

    @Check
    public void maxMemoryAllowsHotAdd(VirtualMachine vm) {
        if (vm.getMemory() != null && vm.getMaxMemory() != null && vm.getMaxMemory() < vm.getMemory()) {
            error("VM '" + vm.getName() + "' starts with " + Messages.size(vm.getMemory()) + " but its maximum is "
                    + Messages.size(vm.getMaxMemory()) + ". The maximum is how far memory can be hot-added while the VM runs; memory cannot"
                    + " be hot-removed, so the maximum is at least the initial memory. Raise 'max' or lower 'memory'.", vm,
                    Literals.VIRTUAL_MACHINE__MAX_MEMORY, IssueCodes.MAX_MEMORY_BELOW_MEMORY);
        }
    }

    /** CPU and memory commitments against the hypervisor's overcommit ratios. */
    @Check
    public void commitmentsWithinOvercommit(Model model) {
        Topology topology = topology(model);
        for (Host host : topology.hosts()) {
            if (host.eResource() != model.eResource() || host.getHypervisor() == null) {
                continue;
            }
            Hypervisor hypervisor = host.getHypervisor();
            int replicas = Math.max(1, Replicas.count(host));
            long logical = (long) Defaults.logicalCpus(host) * replicas;
            long vcpus = topology.committedVcpus(host);
            double cpuRatio = (double) vcpus / logical;
            double allowedCpu = Defaults.cpuOvercommitRatio(hypervisor);
            if (cpuRatio > allowedCpu + 1e-9) {
                error("Host '" + host.getName() + "' commits " + vcpus + " vCPUs on " + logical + " logical CPUs, a ratio of "
                        + Messages.ratio(cpuRatio) + ", above its hypervisor's CPU overcommit limit of " + Messages.ratio(allowedCpu)
                        + ". Raise the limit (overcommit { cpu " + Messages.ratio(Math.ceil(cpuRatio * 10) / 10) + " }) if its VMs are"
                        + " rarely busy at the same time, or move VMs to another host.", hypervisor, Literals.HYPERVISOR__PRODUCT,
                        IssueCodes.CPU_OVERCOMMIT_EXCEEDED);
            } else if (cpuRatio > 1 + 1e-9) {
                warning("Host '" + host.getName() + "' overcommits its CPUs: " + vcpus + " vCPUs share " + logical + " logical CPUs"
                        + " (ratio " + Messages.ratio(cpuRatio) + "). This is allowed by its overcommit policy, but when the VMs are busy"
                        + " together each waits for a CPU (ready time) and runs slower.", hypervisor, Literals.HYPERVISOR__PRODUCT,
                        IssueCodes.CPU_OVERCOMMIT);
            }
            if (host.getMemory() == null) {
                continue;
            }
            long physical = host.getMemory() * replicas;
            long committed = topology.committedMemory(host);
            double memoryRatio = (double) committed / physical;
            double allowedMemory = Defaults.memoryOvercommitRatio(hypervisor);
            if (memoryRatio > allowedMemory + 1e-9) {
                error("Host '" + host.getName() + "' gives its VMs " + Messages.size(committed) + " of memory but has "
                        + Messages.size(physical) + ", a ratio of " + Messages.ratio(memoryRatio) + ", above its hypervisor's memory"
                        + " overcommit limit of " + Messages.ratio(allowedMemory) + ". Overcommitted memory works only while the VMs do not"
                        + " all use it; raise the limit (overcommit { memory ... }), give the VMs less, or add memory to the host.",
                        hypervisor, Literals.HYPERVISOR__PRODUCT, IssueCodes.MEMORY_OVERCOMMIT_EXCEEDED);
            } else if (memoryRatio > 1 + 1e-9) {
                warning("Host '" + host.getName() + "' overcommits its memory: its VMs are given " + Messages.size(committed) + " of "
                        + Messages.size(physical) + " (ratio " + Messages.ratio(memoryRatio) + "). When their working sets grow the"
                        + " hypervisor must reclaim memory (ballooning, then swapping), which slows them down.", hypervisor,
                        Literals.HYPERVISOR__PRODUCT, IssueCodes.MEMORY_OVERCOMMIT);
            }
        }
    }

    @Check
    public void diskFitsItsDatastore(Model model) {
        Topology topology = topology(model);
        for (Host host : topology.hosts()) {
            if (host.eResource() != model.eResource()) {
                continue;
            }
            for (Datastore datastore : host.getDatastores()) {
                if (datastore.getCapacity() == null) {
                    continue;
                }
                long free = datastore.getCapacity() - (datastore.getUsed() == null ? 0 : datastore.getUsed());
                for (VirtualDisk disk : topology.disksOn(datastore)) {
                    if (disk.getProvisioning() != Provisioning.THICK || disk.getSize() == null) {
                        continue;
                    }
                    long size = disk.getSize() * Replicas.count(disk.eContainer());
                    if (size > free && disk.eResource() == model.eResource()) {
                        error("Thick disk '" + disk.getName() + "' needs " + Messages.size(size) + " on datastore '" + datastore.getName()
                                + "', which has only " + Messages.size(Math.max(0, free)) + " free. A thick disk reserves its whole size when it"
                                + " is created; make it thin (it grows as the guest writes), smaller, or put it on a larger datastore.",
                                disk, Literals.VIRTUAL_DISK__SIZE, IssueCodes.DISK_EXCEEDS_DATASTORE);
                    }
                    free -= size;
                }
            }
        }
    }

    @Check
    public void diskOnOwnHost(VirtualDisk disk) {
        Datastore datastore = disk.getDatastore();
        VirtualMachine vm = (VirtualMachine) disk.eContainer();
        if (datastore != null && !datastore.eIsProxy() && HostValidator.hostOf(vm) != null && datastore.eContainer() != vm.getHost()) {
            error(otherHost("Datastore '" + datastore.getName() + "'", datastore, vm), disk, Literals.VIRTUAL_DISK__DATASTORE,
                    IssueCodes.RESOURCE_ON_OTHER_HOST);
        }
    }

    @Check
    public void passthroughNeedsIommu(VirtualMachine vm) {
        Host host = HostValidator.hostOf(vm);
        if (host == null) {
            return;
        }
        for (int i = 0; i < vm.getPassthrough().size(); i++) {
            Device device = vm.getPassthrough().get(i);
            if (device.eIsProxy()) {
                continue;
            }
            if (device.eContainer() != host) {
                error(otherHost("Device '" + device.getName() + "'", device, vm), vm, Literals.VIRTUAL_MACHINE__PASSTHROUGH, i,
                        IssueCodes.RESOURCE_ON_OTHER_HOST);
            } else if (!Defaults.hasIommu(host)) {
                error("Passing device '" + device.getName() + "' through to VM '" + vm.getName() + "' needs an IOMMU (Intel VT-d or AMD-Vi):"
                        + " it remaps the device's DMA into the VM's memory and isolates it from the host. Host '" + host.getName()
                        + "' lists neither; add 'vt-d' (or amd-vi) to its cpu features if the platform has it, or give the VM an emulated device.",
                        vm, Literals.VIRTUAL_MACHINE__PASSTHROUGH, i, IssueCodes.PASSTHROUGH_WITHOUT_IOMMU);
            }
        }
    }

    @Check
    public void virtualFunctionIsUsable(VirtualNic vnic) {
        Nic pf = vnic.getPhysicalFunction();
        VirtualMachine vm = EcoreUtil2.getContainerOfType(vnic, VirtualMachine.class);
        if (pf == null || pf.eIsProxy() || vm == null || HostValidator.hostOf(vm) == null) {
            return;
        }
        Host host = vm.getHost();
        if (pf.eContainer() != host) {
            error(otherHost("NIC '" + pf.getName() + "'", pf, vm), vnic, Literals.VIRTUAL_NIC__PHYSICAL_FUNCTION, IssueCodes.RESOURCE_ON_OTHER_HOST);
        } else if (pf.getSriov() == null) {
            error("NIC '" + pf.getName() + "' does not have SR-IOV enabled, so it has no virtual functions to give VM '" + vm.getName()
                    + "'. Add an sriov block to the NIC (sriov { max-vfs 64 vfs 8 }) or attach this vNIC to a network ('on NETWORK').",
                    vnic, Literals.VIRTUAL_NIC__PHYSICAL_FUNCTION, IssueCodes.SRIOV_NOT_ENABLED);
        } else if (!Defaults.hasIommu(host)) {
            error("An SR-IOV virtual function is a PCIe function passed through to the VM, which needs an IOMMU (Intel VT-d or AMD-Vi)."
                    + " Host '" + host.getName() + "' lists neither; add 'vt-d' to its cpu features if the platform has it.",
                    vnic, Literals.VIRTUAL_NIC__PHYSICAL_FUNCTION, IssueCodes.PASSTHROUGH_WITHOUT_IOMMU);
        }
    }

    private static String otherHost(String what, EObject resource, VirtualMachine vm) {
        Host owner = EcoreUtil2.getContainerOfType(resource, Host.class);
        return what + " belongs to host '" + (owner == null ? "?" : owner.getName()) + "', but VM '" + vm.getName() + "' runs on host '"
                + vm.getHost().getName() + "'. A VM can only use its own host's datastores, devices and NICs; pick one of host '"
                + vm.getHost().getName() + "' or move the VM.";
    }
}
