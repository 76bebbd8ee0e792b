package org.vinfra.lang.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.validation.Check;
import org.vinfra.lang.model.Addresses;
import org.vinfra.lang.model.Replicas;
import org.vinfra.lang.model.Topology;
import org.vinfra.lang.vinfra.Container;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.Network;
import org.vinfra.lang.vinfra.NetworkAttachment;
import org.vinfra.lang.vinfra.NetworkMode;
import org.vinfra.lang.vinfra.Nic;
import org.vinfra.lang.vinfra.Host;
import org.vinfra.lang.vinfra.VinfraPackage.Literals;
import org.vinfra.lang.vinfra.VirtualMachine;
import org.vinfra.lang.vinfra.VirtualNic;

/** Virtual networks and the addresses on them. */
public class NetworkValidator extends VinfraCheck {

    private static final Pattern MAC = Pattern.compile("([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}");

    @Check
    public void bridgedHasUplink(Network network) {
        if (network.getMode() == NetworkMode.BRIDGED && network.getUplink() == null) {
            error("Network '" + network.getName() + "' is bridged, which joins its VMs to a physical LAN through a host NIC, but it names"
                    + " no NIC. Write 'mode bridged to eth0' with a NIC of the host, or choose another mode (nat, host-only, internal).",
                    network, Literals.NETWORK__MODE, IssueCodes.BRIDGED_WITHOUT_UPLINK);
        }
    }

    @Check
    public void forwardsNeedNat(Network network) {
        if (!network.getForwards().isEmpty() && network.getMode() != NetworkMode.NAT) {
            error("Port forwarding lets traffic from outside reach a guest behind NAT, but network '" + network.getName() + "' is "
                    + (network.getMode() == null ? "not NAT" : network.getMode().getLiteral()) + ". Use 'mode nat', or remove the forwards"
                    + " (on a bridged network guests are reachable directly).", network.getForwards().get(0), null,
                    IssueCodes.FORWARD_WITHOUT_NAT);
        }
    }

    /** IPv6 pools and addresses need 'ipv6' on the network: without it the runtime gives containers no IPv6 address at all. */
    /** IPv6 is enabled by 'ipv6', or by the driver option docker reads (com.docker.network.enable_ipv6), kept as a native setting. */
    static boolean ipv6Enabled(Network network) {
        if (network.isIpv6()) {
            return true;
        }
        for (org.vinfra.lang.settings.Native kept : network.getNatives()) {
            if ("driver_opts".equals(kept.getKey()) && kept.getValue() instanceof org.vinfra.lang.settings.MapValue options) {
                for (org.vinfra.lang.settings.MapEntry entry : options.getEntries()) {
                    if ("com.docker.network.enable_ipv6".equals(entry.getKey()) && (entry.getValue() instanceof org.vinfra.lang.settings.StringValue text
                            && "true".equalsIgnoreCase(text.getValue()) || entry.getValue() instanceof org.vinfra.lang.settings.BooleanValue bool
                            && bool.isValue())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Check
    public void ipv6IsEnabled(Network network) {
        if (ipv6Enabled(network)) {
            return;
        }
        for (org.vinfra.lang.settings.Subnet subnet : network.getSubnets()) {
            if (subnet.getCidr() != null && subnet.getCidr().contains(":")) {
                error("Network '" + network.getName() + "' has the IPv6 pool " + subnet.getCidr() + " but IPv6 is not enabled on it, so the"
                        + " runtime refuses the pool (docker: 'enable_ipv6' is required). Add 'ipv6' to the network.", subnet,
                        org.vinfra.lang.settings.SettingsPackage.Literals.SUBNET__CIDR, IssueCodes.IPV6_NOT_ENABLED);
            }
        }
    }

    @Check
    public void ipv6AttachmentNeedsIpv6(NetworkAttachment attachment) {
        Network network = attachment.getNetwork();
        if (attachment.getIp6() != null && network != null && !network.eIsProxy() && !ipv6Enabled(network)) {
            error("This attachment has the IPv6 address " + attachment.getIp6() + " but network '" + network.getName() + "' does not enable"
                    + " IPv6, so the container cannot get it. Add 'ipv6' (and an IPv6 'subnet') to the network.", attachment,
                    Literals.NETWORK_ATTACHMENT__IP6, IssueCodes.IPV6_NOT_ENABLED);
        }
    }

    /** Addresses written as text (IPv6, or pools that may be either) are checked as the grammar checks IPv4 ones. */
    @Check
    public void subnetAddressesAreWellFormed(org.vinfra.lang.settings.Subnet subnet) {
        checkAddress(subnet.getCidr(), true, subnet, org.vinfra.lang.settings.SettingsPackage.Literals.SUBNET__CIDR);
        checkAddress(subnet.getGateway(), false, subnet, org.vinfra.lang.settings.SettingsPackage.Literals.SUBNET__GATEWAY);
        checkAddress(subnet.getRange(), true, subnet, org.vinfra.lang.settings.SettingsPackage.Literals.SUBNET__RANGE);
    }

    @Check
    public void ipv6AddressIsWellFormed(NetworkAttachment attachment) {
        if (attachment.getIp6() != null && !attachment.getIp6().contains(":")) {
            error("'" + attachment.getIp6() + "' is not an IPv6 address (e.g. fd00:28::10); an IPv4 address is written 'ip 10.0.0.5'.",
                    attachment, Literals.NETWORK_ATTACHMENT__IP6, IssueCodes.INVALID_VALUE);
            return;
        }
        checkAddress(attachment.getIp6(), false, attachment, Literals.NETWORK_ATTACHMENT__IP6);
    }

    private void checkAddress(String text, boolean block, EObject owner, EStructuralFeature feature) {
        if (text == null) {
            return;
        }
        try {
            if (text.contains(":")) {
                org.vinfra.lang.model.Ipv6.parse(text.replaceFirst("/\\d+$", block ? "$0" : ""), block);
            } else if (block) {
                Addresses.parseCidr(text);
            } else {
                Addresses.parseIpv4(text);
            }
        } catch (IllegalArgumentException e) {
            error("Not a valid address here: " + e.getMessage() + ". Write an IPv4 block such as 10.0.0.0/24 or an IPv6 one such as"
                    + " fd00:28::/64.", owner, feature, IssueCodes.INVALID_VALUE);
        }
    }

    @Check
    public void macIsWellFormed(Nic nic) {
        checkMac(nic.getMac(), nic, Literals.NIC__MAC);
    }

    @Check
    public void macIsWellFormed(VirtualNic nic) {
        checkMac(nic.getMac(), nic, Literals.VIRTUAL_NIC__MAC);
    }

    private void checkMac(String mac, EObject owner, EStructuralFeature feature) {
        if (mac != null && !MAC.matcher(mac).matches()) {
            error("'" + mac + "' is not a MAC address: write six two-digit hexadecimal bytes separated by colons, e.g."
                    + " \"52:54:00:12:34:56\" (52:54:00 is the prefix KVM/QEMU uses for virtual NICs).", owner, feature,
                    IssueCodes.INVALID_MAC);
        }
    }

    @Check
    public void addressesInsideCidr(Network network) {
        if (network.getCidr() == null) {
            return;
        }
        Addresses.Block block = Addresses.parseCidr(network.getCidr());
        if (network.getGateway() != null && !block.contains(Addresses.parseIpv4(network.getGateway()))) {
            outside(network.getGateway(), network, block, network, Literals.NETWORK__GATEWAY);
        }
        if (network.getDhcp() != null) {
            for (String address : java.util.Arrays.asList(network.getDhcp().getFirst(), network.getDhcp().getLast())) {
                if (address != null && !block.contains(Addresses.parseIpv4(address))) {
                    outside(address, network, block, network.getDhcp(), null);
                }
            }
        }
    }

    @Check
    public void addressInsideCidr(VirtualNic vnic) {
        checkInside(vnic.getIp(), vnic.getNetwork(), vnic, Literals.VIRTUAL_NIC__IP);
    }

    @Check
    public void addressInsideCidr(NetworkAttachment attachment) {
        checkInside(attachment.getIp(), attachment.getNetwork(), attachment, Literals.NETWORK_ATTACHMENT__IP);
    }

    private void checkInside(String ip, Network network, EObject owner, EStructuralFeature feature) {
        if (ip != null && network != null && !network.eIsProxy() && network.getCidr() != null) {
            Addresses.Block block = Addresses.parseCidr(network.getCidr());
            if (!block.contains(Addresses.parseIpv4(ip))) {
                outside(ip, network, block, owner, feature);
            }
        }
    }

    private void outside(String address, Network network, Addresses.Block block, EObject owner, EStructuralFeature feature) {
        error("Address " + address + " is outside network '" + network.getName() + "' (" + block + ": " + Addresses.format(block.network())
                + " to " + Addresses.format(block.last()) + "), so nothing on that network can reach it. Pick an address inside the block"
                + " or widen the CIDR.", owner, feature, IssueCodes.IP_OUTSIDE_CIDR);
    }

    @Check
    public void cidrsDoNotOverlap(Model model) {
        List<Network> withCidr = new ArrayList<>();
        for (Network network : topology(model).networks()) {
            if (network.getCidr() != null) {
                withCidr.add(network);
            }
        }
        withCidr.sort(Comparator.comparingLong(n -> Addresses.parseCidr(n.getCidr()).network()));
        Network widest = null;
        for (Network network : withCidr) {
            Addresses.Block block = Addresses.parseCidr(network.getCidr());
            if (widest != null && Addresses.parseCidr(widest.getCidr()).overlaps(block)) {
                for (Network clash : List.of(widest, network)) {
                    Network other = clash == network ? widest : network;
                    if (clash.eResource() == model.eResource()) {
                        error("Network '" + clash.getName() + "' (" + clash.getCidr() + ") overlaps network '" + other.getName() + "' ("
                                + other.getCidr() + "). With overlapping blocks a router cannot tell which network an address belongs to,"
                                + " and NAT and forwarding break. Give each network its own block, e.g. 10.0.1.0/24 and 10.0.2.0/24.",
                                clash, Literals.NETWORK__CIDR, IssueCodes.OVERLAPPING_CIDR);
                    }
                }
            }
            if (widest == null || Addresses.parseCidr(widest.getCidr()).last() < block.last()) {
                widest = network;
            }
        }
    }

    /** A static address belongs to one interface of one network. */
    @Check
    public void addressesAreUnique(Model model) {
        Topology topology = topology(model);
        Map<String, Claim> ips = new HashMap<>();
        Map<String, Claim> macs = new HashMap<>();
        Resource here = model.eResource();
        for (Host host : topology.hosts()) {
            for (Nic nic : host.getNics()) {
                claim(macs, nic.getMac(), nic, Literals.NIC__MAC, Replicas.count(host), here, IssueCodes.DUPLICATE_MAC, "MAC address");
            }
        }
        for (VirtualMachine vm : topology.vms()) {
            for (VirtualNic vnic : vm.getNics()) {
                claim(macs, vnic.getMac(), vnic, Literals.VIRTUAL_NIC__MAC, Replicas.count(vm), here, IssueCodes.DUPLICATE_MAC, "MAC address");
                if (vnic.getIp() != null) {
                    claim(ips, key(vnic.getNetwork(), vnic.getIp()), vnic, Literals.VIRTUAL_NIC__IP, Replicas.count(vm), here,
                            IssueCodes.DUPLICATE_IP, "IP address");
                }
            }
        }
        for (Container container : topology.containers()) {
            for (NetworkAttachment attachment : container.getAttachments()) {
                if (attachment.getIp() != null) {
                    claim(ips, key(attachment.getNetwork(), attachment.getIp()), attachment, Literals.NETWORK_ATTACHMENT__IP,
                            Replicas.count(container), here, IssueCodes.DUPLICATE_IP, "IP address");
                }
            }
        }
        for (Network network : topology.networks()) {
            if (network.getGateway() != null) {
                claim(ips, key(network, network.getGateway()), network, Literals.NETWORK__GATEWAY, 1, here, IssueCodes.DUPLICATE_IP,
                        "IP address");
            }
        }
    }

    private static String key(Network network, String ip) {
        return (network == null || network.eIsProxy() ? "" : network.getName()) + "/" + ip;
    }

    private record Claim(EObject owner, EStructuralFeature feature) {
    }

    private void claim(Map<String, Claim> claims, String key, EObject owner, EStructuralFeature feature, int replicas, Resource here,
            String code, String what) {
        if (key == null) {
            return;
        }
        String shown = key.substring(key.indexOf('/') + 1);
        if (replicas > 1 && owner.eResource() == here) {
            error("The " + what + " " + shown + " is written on a replicated element, so all " + replicas + " replicas would share it."
                    + " An address identifies one interface: remove it and let DHCP assign addresses, or declare the replicas one by one.",
                    owner, feature, code);
        }
        Claim claim = new Claim(owner, feature);
        Claim earlier = claims.putIfAbsent(key, claim);
        if (earlier != null && earlier.owner() != owner) {
            for (Claim clash : List.of(earlier, claim)) {
                if (clash.owner().eResource() == here) {
                    error("The " + what + " " + shown + " is used twice. " + ("MAC address".equals(what)
                            ? "Switches deliver frames by MAC address, so two NICs with the same MAC steal each other's traffic."
                            : "Two interfaces with the same address on one network make it unreachable (ARP answers from both).")
                            + " Give each interface its own " + what + ".", clash.owner(), clash.feature(), code);
                }
            }
        }
    }
}
