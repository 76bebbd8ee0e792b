package org.vinfra.lang.ide.hover;

import java.util.Locale;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.documentation.IEObjectDocumentationProvider;
import org.eclipse.xtext.documentation.impl.MultiLineCommentDocumentationProvider;
import org.vinfra.lang.model.Defaults;
import org.vinfra.lang.model.Replicas;
import org.vinfra.lang.model.Topology;
import org.vinfra.lang.model.Units;
import org.vinfra.lang.vinfra.Container;
import org.vinfra.lang.vinfra.Host;
import org.vinfra.lang.vinfra.Hypervisor;
import org.vinfra.lang.vinfra.HypervisorType;
import org.vinfra.lang.vinfra.Image;
import org.vinfra.lang.vinfra.Network;
import org.vinfra.lang.vinfra.VirtualMachine;

import com.google.inject.Inject;

/**
 * What a hover shows: the element in the course's terms, its key figures, then the comment written
 * above it. The same text serves the language server and the Eclipse editor.
 */
public class VinfraDocumentationProvider implements IEObjectDocumentationProvider {

    @Inject
    private MultiLineCommentDocumentationProvider comments;

    @Override
    public String getDocumentation(EObject element) {
        String explanation = switch (element) {
            case Host host -> host(host);
            case Hypervisor hypervisor -> hypervisor(hypervisor);
            case VirtualMachine vm -> vm(vm);
            case Container container -> container(container);
            case Network network -> network(network);
            case Image image -> "**Image " + image.getName() + "**: " + image.getInstructions().size() + " layers on top of its base image; each"
                    + " instruction adds one, and a container adds its own read-write layer on top.";
            default -> null;
        };
        String comment = comments.getDocumentation(element);
        if (explanation == null) {
            return comment;
        }
        return comment == null || comment.isBlank() ? explanation : explanation + "\n\n" + comment;
    }

    private static String host(Host host) {
        StringBuilder text = new StringBuilder("**Host " + host.getName() + "**");
        if (Replicas.of(host) != null) {
            text.append(" (").append(Replicas.count(host)).append(" replicas)");
        }
        text.append(String.format(Locale.ROOT, ": %d sockets x %d cores x %d threads = **%d logical CPUs**", Defaults.sockets(host),
                Defaults.coresPerSocket(host), Defaults.threadsPerCore(host), Defaults.logicalCpus(host)));
        if (Defaults.threadsPerCore(host) > 1) {
            text.append(" (hyperthreading: a second thread gives less than a full core)");
        }
        if (host.getMemory() != null) {
            text.append(", ").append(Units.SIZE.format(host.getMemory())).append(" of memory");
        }
        text.append('.');
        if (host.getHypervisor() != null) {
            text.append("\n\n").append(hypervisor(host.getHypervisor()));
        }
        return text.toString();
    }

    private static String hypervisor(Hypervisor hypervisor) {
        Host host = (Host) hypervisor.eContainer();
        boolean type1 = Defaults.type(hypervisor) == HypervisorType.TYPE1;
        StringBuilder text = new StringBuilder("**" + hypervisor.getProduct().getLiteral() + "** is a " + (type1
                ? "type-1 (bare-metal) hypervisor: it runs directly on the hardware"
                : "type-2 (hosted) hypervisor: an application on the host's operating system, which it pays for in speed") + ". ");
        text.append(switch (Defaults.technique(hypervisor)) {
            case HARDWARE_ASSISTED -> "Hardware-assisted virtualization: VT-x/AMD-V give it a root mode below ring 0, so guest kernels run unmodified.";
            case PARAVIRTUAL -> "Paravirtualization: guest kernels are modified to call the hypervisor (hypercalls) instead of privileged instructions.";
            case FULL -> "Full virtualization: guest kernel code is binary-translated, unmodified guests, the slowest technique.";
        });
        Topology topology = Topology.of(host.eResource());
        long vcpus = topology.committedVcpus(host);
        long logical = (long) Defaults.logicalCpus(host) * Math.max(1, Replicas.count(host));
        text.append(String.format(Locale.ROOT, "%n%nCPU overcommit ratio %.2f: up to %.0f vCPUs on %d logical CPUs; %d committed (%.2f).",
                Defaults.cpuOvercommitRatio(hypervisor), Defaults.cpuOvercommitRatio(hypervisor) * logical, logical, vcpus,
                logical == 0 ? 0 : (double) vcpus / logical));
        if (host.getMemory() != null) {
            long memory = host.getMemory() * Math.max(1, Replicas.count(host));
            text.append(String.format(Locale.ROOT, " Memory overcommit ratio %.2f: up to %s; %s given to VMs.",
                    Defaults.memoryOvercommitRatio(hypervisor), Units.SIZE.format((long) (memory * Defaults.memoryOvercommitRatio(hypervisor))),
                    Units.SIZE.format(topology.committedMemory(host))));
        }
        return text.toString();
    }

    private static String vm(VirtualMachine vm) {
        StringBuilder text = new StringBuilder("**VM " + vm.getName() + "**");
        if (Replicas.of(vm) != null) {
            text.append(" (").append(Replicas.count(vm)).append(" replicas)");
        }
        text.append(": ").append(Defaults.vcpus(vm)).append(" vCPUs");
        Host host = vm.getHost();
        if (host != null && !host.eIsProxy()) {
            text.append(" scheduled by the hypervisor on the ").append(Defaults.logicalCpus(host)).append(" logical CPUs of ").append(host.getName());
        }
        if (vm.getMemory() != null) {
            text.append("; ").append(Units.SIZE.format(vm.getMemory())).append(" of memory");
            if (vm.getMaxMemory() != null && vm.getMaxMemory() > vm.getMemory()) {
                text.append(", hot-add up to ").append(Units.SIZE.format(vm.getMaxMemory())).append(" (never hot-remove)");
            }
        }
        return text.append('.').toString();
    }

    private static String container(Container container) {
        boolean lxc = container.getRuntime() == org.vinfra.lang.vinfra.Runtime.LXC;
        StringBuilder text = new StringBuilder("**" + (lxc ? "LXC" : "Docker") + " container " + container.getName() + "**: isolated by kernel"
                + " namespaces and limited by cgroups, it shares the kernel of the machine it runs on (no hypervisor, no guest OS).");
        if (container.getCgroup() != null && container.getCgroup().getMemoryLimit() != null) {
            text.append(" Memory limit ").append(Units.SIZE.format(container.getCgroup().getMemoryLimit())).append(": past it, the OOM killer stops it.");
        }
        if (container.getUnprivileged() != null) {
            text.append(" Unprivileged: root inside is uid ").append(container.getUnprivileged().getHostId()).append(" on the host.");
        }
        return text.toString();
    }

    private static String network(Network network) {
        String mode = switch (network.getMode()) {
            case NAT -> "NAT: guests reach out through the host's address; from outside only forwarded ports reach them";
            case BRIDGED -> "bridged: guests sit on the physical LAN of the host NIC, with addresses of their own";
            case HOST_ONLY -> "host-only: guests and the host reach each other, nothing else";
            case INTERNAL -> "internal: only the guests on it reach each other";
        };
        return "**Network " + network.getName() + "** (" + network.getKind().getLiteral() + "), " + mode
                + (network.getCidr() == null ? "." : ", addresses " + network.getCidr() + ".");
    }
}
