package org.vinfra.formats.libvirt;

import org.vinfra.lang.model.ExportFiles;

import java.util.List;

import org.vinfra.formats.FileNames;
import org.vinfra.formats.GeneratedFiles;
import org.vinfra.lang.model.Addresses;
import org.vinfra.lang.model.Defaults;
import org.vinfra.lang.model.Replicas;
import org.vinfra.lang.vinfra.Datastore;
import org.vinfra.lang.vinfra.Device;
import org.vinfra.lang.vinfra.DeviceKind;
import org.vinfra.lang.vinfra.Host;
import org.vinfra.lang.vinfra.Hypervisor;
import org.vinfra.lang.vinfra.Network;
import org.vinfra.lang.vinfra.NetworkMode;
import org.vinfra.lang.vinfra.Nic;
import org.vinfra.lang.vinfra.VirtualDisk;
import org.vinfra.lang.vinfra.VirtualMachine;
import org.vinfra.lang.vinfra.VirtualNic;
import org.w3c.dom.Element;

/**
 * VMs as libvirt domain XML ({@code libvirt/domains/NAME.xml}, one per replica) and virtual networks
 * as libvirt network XML ({@code libvirt/networks/NAME.xml}). An SR-IOV NIC that VMs take virtual
 * functions from becomes a hostdev network (a pool of the PF's VFs) that their interfaces use.
 */
public final class LibvirtExporter {

    private static final int MEMORY_SLOTS = 16;
    /** Where disks go when their datastore has no POSIX path (libvirt wants absolute paths). */
    static final String DEFAULT_IMAGES = "/var/lib/libvirt/images";

    private LibvirtExporter() {
    }

    public static void export(VirtualMachine vm, GeneratedFiles output) {
        List<String> names = Replicas.of(vm) == null ? List.of(vm.getName()) : Replicas.names(vm.getName(), Replicas.of(vm));
        for (String name : names) {
            output.add(ExportFiles.libvirtDomain(name), domain(vm, name));
        }
        for (VirtualNic nic : vm.getNics()) {
            Nic pf = nic.getPhysicalFunction();
            if (pf != null && !pf.eIsProxy() && output.get(vfPoolPath(pf)) == null) {
                output.add(vfPoolPath(pf), vfPool(pf));
            }
        }
    }

    public static void export(Network network, GeneratedFiles output) {
        output.add(ExportFiles.libvirtNetwork(network.getName()), network(network));
    }

    static String domain(VirtualMachine vm, String name) {
        Xml xml = Xml.create();
        Host host = vm.getHost();
        Element domain = xml.root("domain");
        domain.setAttribute("type", domainType(host == null ? null : host.getHypervisor()));
        xml.text(domain, "name", FileNames.safe(name));
        if (vm.getGuest() != null) {
            xml.text(domain, "description", "guest: " + vm.getGuest());
        }
        long memoryKib = vm.getMemory() == null ? 1 << 20 : vm.getMemory() / 1024;
        boolean hotAdd = vm.getMaxMemory() != null && vm.getMaxMemory() / 1024 > memoryKib;
        if (hotAdd) {
            xml.text(domain, "maxMemory", Long.toString(vm.getMaxMemory() / 1024), "slots", Integer.toString(MEMORY_SLOTS), "unit", "KiB");
        }
        xml.text(domain, "memory", Long.toString(memoryKib), "unit", "KiB");
        xml.text(domain, "currentMemory", Long.toString(memoryKib), "unit", "KiB");
        int vcpus = Defaults.vcpus(vm);
        xml.text(domain, "vcpu", Integer.toString(vcpus), "placement", "static");
        Element os = xml.add(domain, "os");
        xml.text(os, "type", "hvm", "arch", "x86_64");
        xml.add(os, "boot", "dev", "hd");
        Element features = xml.add(domain, "features");
        xml.add(features, "acpi");
        xml.add(features, "apic");
        Element cpu = xml.add(domain, "cpu");
        int threads = host != null && Defaults.threadsPerCore(host) > 1 && vcpus % 2 == 0 ? 2 : 1;
        xml.add(cpu, "topology", "sockets", "1", "dies", "1", "cores", Integer.toString(vcpus / threads), "threads", Integer.toString(threads));
        if (hotAdd) {
            Element numa = xml.add(cpu, "numa");
            xml.add(numa, "cell", "id", "0", "cpus", "0-" + (vcpus - 1), "memory", Long.toString(memoryKib), "unit", "KiB");
        }
        Element devices = xml.add(domain, "devices");
        int diskIndex = 0;
        for (VirtualDisk disk : vm.getDisks()) {
            Element element = xml.add(devices, "disk", "type", "file", "device", "disk");
            xml.add(element, "driver", "name", "qemu", "type", disk.getFormat().getLiteral());
            xml.add(element, "source", "file", diskPath(disk, name));
            xml.add(element, "target", "dev", "vd" + (char) ('a' + diskIndex++), "bus", "virtio");
        }
        int cdromIndex = 0;
        for (Device device : vm.getPassthrough()) {
            if (device.eIsProxy()) {
                continue;
            }
            if (device.getKind() == DeviceKind.CDROM) {
                Element element = xml.add(devices, "disk", "type", "block", "device", "cdrom");
                xml.add(element, "source", "dev", device.getAddress() != null && device.getAddress().startsWith("/") ? device.getAddress() : "/dev/sr0");
                xml.add(element, "target", "dev", "sd" + (char) ('a' + cdromIndex++), "bus", "sata");
                xml.add(element, "readonly");
            } else if (device.getAddress() != null && device.getAddress().matches("[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7]")) {
                Element hostdev = xml.add(devices, "hostdev", "mode", "subsystem", "type", "pci", "managed", "yes");
                Element source = xml.add(hostdev, "source");
                String[] parts = device.getAddress().split("[:.]");
                xml.add(source, "address", "domain", "0x" + parts[0], "bus", "0x" + parts[1], "slot", "0x" + parts[2], "function", "0x" + parts[3]);
            }
        }
        for (VirtualNic nic : vm.getNics()) {
            Element element = xml.add(devices, "interface", "type", "network");
            if (nic.getMac() != null) {
                xml.add(element, "mac", "address", nic.getMac().toLowerCase(java.util.Locale.ROOT));
            }
            if (nic.getPhysicalFunction() != null && !nic.getPhysicalFunction().eIsProxy()) {
                xml.add(element, "source", "network", vfPoolName(nic.getPhysicalFunction()));
            } else {
                xml.add(element, "source", "network", nic.getNetwork() == null ? "default" : FileNames.safe(nic.getNetwork().getName()));
                xml.add(element, "model", "type", nic.getModel().getLiteral());
            }
        }
        Element console = xml.add(devices, "console", "type", "pty");
        xml.add(console, "target", "type", "serial", "port", "0");
        return xml.print("generated by vinfra from vm " + vm.getName() + (name.equals(vm.getName()) ? "" : " (replica " + name + ")"));
    }

    private static String diskPath(VirtualDisk disk, String vmName) {
        Datastore datastore = disk.getDatastore();
        String folder = datastore != null && !datastore.eIsProxy() && datastore.getPath() != null && datastore.getPath().startsWith("/")
                ? datastore.getPath()
                : DEFAULT_IMAGES;
        String file = disk.getFile() != null && Replicas.of(disk.eContainer()) == null ? disk.getFile()
                : FileNames.safe(vmName) + "-" + FileNames.safe(disk.getName()) + "." + disk.getFormat().getLiteral();
        return file.startsWith("/") ? file : folder.replaceAll("/+$", "") + "/" + file;
    }

    /** libvirt's driver for the product: kvm, qemu, xen, vmware, hyperv, vbox. */
    static String domainType(Hypervisor hypervisor) {
        if (hypervisor == null) {
            return "kvm";
        }
        return switch (hypervisor.getProduct()) {
            case KVM -> "kvm";
            case QEMU, UTM -> "qemu";
            case XEN -> "xen";
            case ESXI, VMWARE_WORKSTATION -> "vmware";
            case HYPERV -> "hyperv";
            case VIRTUALBOX -> "vbox";
            case PARALLELS -> "parallels";
        };
    }

    static String network(Network network) {
        Xml xml = Xml.create();
        Element root = xml.root("network");
        String name = FileNames.safe(network.getName());
        xml.text(root, "name", name);
        NetworkMode mode = network.getMode();
        if (mode == NetworkMode.NAT) {
            xml.add(root, "forward", "mode", "nat");
        } else if (mode == NetworkMode.BRIDGED && network.getUplink() != null && !network.getUplink().eIsProxy()) {
            Element forward = xml.add(root, "forward", "mode", "bridge");
            xml.add(forward, "interface", "dev", network.getUplink().getName());
            return xml.print("generated by vinfra from network " + network.getName());
        }
        xml.add(root, "bridge", "name", bridgeName(name), "stp", "on", "delay", "0");
        if (network.getCidr() != null && mode != NetworkMode.INTERNAL) {
            Addresses.Block block = Addresses.parseCidr(network.getCidr());
            String address = network.getGateway() != null ? network.getGateway() : Addresses.format(block.network() + 1);
            Element ip = xml.add(root, "ip", "address", address, "netmask", netmask(block.prefix()));
            if (network.getDhcp() != null) {
                Element dhcp = xml.add(ip, "dhcp");
                xml.add(dhcp, "range", "start", network.getDhcp().getFirst(), "end", network.getDhcp().getLast());
            }
        }
        return xml.print("generated by vinfra from network " + network.getName());
    }

    /** Linux interface names have at most 15 characters. */
    static String bridgeName(String network) {
        String name = "vb-" + network;
        return name.length() > 15 ? name.substring(0, 15) : name;
    }

    static String netmask(int prefix) {
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return Addresses.format(mask);
    }

    private static String vfPoolName(Nic pf) {
        Host host = (Host) pf.eContainer();
        return FileNames.safe(host.getName() + "-" + pf.getName() + "-vfs");
    }

    private static String vfPoolPath(Nic pf) {
        return ExportFiles.libvirtNetwork(vfPoolName(pf));
    }

    private static String vfPool(Nic pf) {
        Xml xml = Xml.create();
        Element root = xml.root("network");
        xml.text(root, "name", vfPoolName(pf));
        Element forward = xml.add(root, "forward", "mode", "hostdev", "managed", "yes");
        xml.add(forward, "pf", "dev", pf.getName());
        return xml.print("generated by vinfra: the SR-IOV virtual functions of NIC " + pf.getName());
    }
}
