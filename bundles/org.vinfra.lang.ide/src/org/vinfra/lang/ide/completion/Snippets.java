package org.vinfra.lang.ide.completion;

import java.util.List;

/**
 * The templates of the blocks people write most, as LSP snippets ({@code ${1:name}} fields that Tab moves between,
 * {@code $0} where the cursor ends). All are top-level elements: they are offered only where a top-level element may
 * start ({@link VinfraProposals}), never inside a block.
 */
public final class Snippets {

    /** A snippet: its name (the label editors show), what it makes, and its text in LSP snippet syntax. */
    public record Snippet(String name, String description, String body) {
    }

    public static final List<Snippet> TOP_LEVEL = List.of(
            new Snippet("host-kvm", "a physical host with a type-1 KVM hypervisor", """
                    host ${1:name} {
                    \tcpu {
                    \t\tsockets ${2:1}
                    \t\tcores ${3:8}
                    \t\tthreads 2
                    \t\tfeatures vt-x
                    \t}
                    \tmemory ${4:64} GiB
                    \tnic eth0 {
                    \t\tspeed 10 Gbps
                    \t}
                    \thypervisor kvm {
                    \t\ttype-1
                    \t\ttechnique hardware-assisted
                    \t}
                    }$0"""),
            new Snippet("vm", "a virtual machine on a host", """
                    vm ${1:name} on ${2:host} {
                    \tvcpus ${3:2}
                    \tmemory ${4:4} GiB
                    }$0"""),
            new Snippet("compose-service", "a compose deployment with one Docker service", """
                    compose ${1:stack} {
                    \tservice ${2:web} {
                    \t\timage "nginx:1.27"
                    \t\tport ${3:8080}:80
                    \t\trestart always
                    \t}
                    }$0"""),
            new Snippet("lxc-container", "an unprivileged LXC system container", """
                    container ${1:name} runtime lxc on ${2:host} {
                    \ttemplate "alpine:3.19"
                    \tunprivileged idmap 0 100000 65536
                    }$0"""),
            new Snippet("network-nat", "a NAT virtual network", """
                    network ${1:name} on ${2:host} {
                    \tmode nat
                    \tcidr 192.168.100.0/24
                    \tgateway 192.168.100.1
                    }$0"""));

    private Snippets() {
    }
}
