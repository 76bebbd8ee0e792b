package org.vinfra.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vinfra.lang.edit.EditResult;
import org.vinfra.lang.vinfra.Compose;
import org.vinfra.lang.vinfra.Container;
import org.vinfra.lang.vinfra.Host;
import org.vinfra.lang.vinfra.Network;
import org.vinfra.lang.vinfra.VirtualMachine;
import org.vinfra.lang.vinfra.VirtualNic;

/**
 * Each operation of ModelEdits as an exact text diff on a file full of comments and odd but legal
 * layout: the whole text after the edit is spelled out, so every untouched byte is checked; then the
 * result is loaded again and its model checked.
 */
class ModelEditsTest {

    @TempDir
    Path dir;

    /** A lab with comments before, after and inside elements, a one-line VM and a replicated one. */
    static final String LAB = """
            // The lab: this header describes the file.
            host server1 { // the only host
            \tcpu {
            \t\tcores 8
            \t\tfeatures vt-x
            \t}
            \tmemory 64 GiB
            \tdatastore local {
            \t\tcapacity 1 TiB
            \t}
            \thypervisor kvm
            }

            /* the LAN */
            network lan {
            \tcidr 10.0.0.0/24
            }

            network dmz {
            }

            // web servers
            // (three of them)
            vm web[1..3] on server1 {
            \tvcpus 2 // two are enough
            \tmemory 4 GiB max 8 GiB
            \tnic eth0 on lan // uplink
            \t/* backup NIC */
            \tnic eth1 on lan
            \tdisk root 20 GiB on local
            }

            vm db on server1 { vcpus 1 memory 2 GiB }

            container cache on web2 {
            \timage "redis:7.4"
            }
            # the end
            """;

    private EditWorkspace lab() {
        return EditWorkspace.of(dir, "lab.vinfra", LAB);
    }

    // ------------------------------------------------------------------ create

    @Test
    void createHostAppendsAHostWithAKvmHypervisor() {
        EditWorkspace files = lab();
        EditResult.Applied applied = files.apply(EditWorkspace.EDITS.createHost(files.resource(), "server2"));
        assertEquals(LAB + """

                host server2 {
                \tcpu {
                \t\tsockets 1
                \t\tcores 4
                \t\tfeatures vt-x
                \t}
                \tmemory 16 GiB
                \thypervisor kvm {
                \t}
                }
                """, files.text());
        assertEquals(1, applied.allEdits().size());
        assertEquals("Create host server2", applied.description());
        Host host = files.find(Host.class, "server2");
        assertEquals(16L << 30, host.getMemory());
        assertEquals(4, host.getCpu().getCores());
        assertEquals(List.of(), files.errors());
    }

    @Test
    void createVmAppendsAVmOnTheHost() {
        EditWorkspace files = lab();
        files.apply(EditWorkspace.EDITS.createVm(files.resource(), "vm1", files.find(Host.class, "server1")));
        assertEquals(LAB + """

                vm vm1 on server1 {
                \tvcpus 1
                \tmemory 1 GiB
                }
                """, files.text());
        VirtualMachine vm = files.find(VirtualMachine.class, "vm1");
        assertEquals("server1", vm.getHost().getName());
        assertEquals(1, vm.getVcpus());
        assertEquals(1L << 30, vm.getMemory());
    }

    @Test
    void createVmOnAReplicaNamesTheReplica() {
        EditWorkspace files = EditWorkspace.of(dir, "rack.vinfra", "host rack[1..4] {\n\tmemory 8 GiB\n\thypervisor kvm\n}\n");
        files.apply(EditWorkspace.EDITS.createVm(files.resource(), "edge", files.find(Host.class, "rack"), 3));
        assertTrue(files.text().endsWith("\n\nvm edge on rack3 {\n\tvcpus 1\n\tmemory 1 GiB\n}\n"), files.text());
        files.refused(EditWorkspace.EDITS.createVm(files.resource(), "edge2", files.find(Host.class, "rack"), 5), "replicas 1 to 4",
                "no replica 5");
    }

    @Test
    void createNetworkAndContainers() {
        EditWorkspace files = lab();
        files.apply(EditWorkspace.EDITS.createNetwork(files.resource(), "storage"));
        files.apply(EditWorkspace.EDITS.createContainer(files.resource(), "proxy", files.find(VirtualMachine.class, "db"), "nginx:1.27"));
        EditResult.Applied bare = files.apply(EditWorkspace.EDITS.createContainer(files.resource(), "tool", null));
        assertEquals(LAB + """

                network storage {
                }

                container proxy on db {
                \timage "nginx:1.27"
                }

                container tool {
                }
                """, files.text());
        assertTrue(bare.notes().get(0).contains("has no image"), bare.notes().toString());
        assertEquals("db", ((VirtualMachine) files.find(Container.class, "proxy").getMachine()).getName());
        assertEquals("nginx:1.27", files.find(Container.class, "proxy").getImageReference());
        assertNull(files.find(Network.class, "storage").getCidr());
    }

    @Test
    void createFollowsTheFilesLineBreaksAndIndentation() {
        String crlf = "host h {\r\n    memory 8 GiB\r\n    hypervisor kvm\r\n}\r\n";
        EditWorkspace files = EditWorkspace.of(dir, "crlf.vinfra", crlf);
        files.apply(EditWorkspace.EDITS.createVm(files.resource(), "v", files.find(Host.class, "h")));
        assertEquals(crlf + "\r\nvm v on h {\r\n    vcpus 1\r\n    memory 1 GiB\r\n}\r\n", files.text());
        files.apply(EditWorkspace.EDITS.createNetwork(files.resource(), "n"));
        files.apply(EditWorkspace.EDITS.addNic(files.find(VirtualMachine.class, "v"), files.find(Network.class, "n")));
        assertEquals(crlf + "\r\nvm v on h {\r\n    vcpus 1\r\n    memory 1 GiB\r\n    nic eth0 on n\r\n}\r\n\r\nnetwork n {\r\n}\r\n",
                files.text());
    }

    @Test
    void appendingToAFileWithoutFinalLineBreakOrWithABlankLineAtTheEnd() {
        EditWorkspace files = EditWorkspace.of(dir, "a.vinfra", "network a {} // no line break at the end");
        files.apply(EditWorkspace.EDITS.createNetwork(files.resource(), "b"));
        assertEquals("network a {} // no line break at the end\n\nnetwork b {\n}\n", files.text());

        EditWorkspace blank = EditWorkspace.of(dir.resolve("second2"), "b.vinfra", "network a {\n}\n\n");
        blank.apply(EditWorkspace.EDITS.createNetwork(blank.resource(), "b"));
        assertEquals("network a {\n}\n\nnetwork b {\n}\n", blank.text());

        EditWorkspace empty = EditWorkspace.of(dir.resolve("second3"), "c.vinfra", "");
        empty.apply(EditWorkspace.EDITS.createNetwork(empty.resource(), "first"));
        assertEquals("network first {\n}\n", empty.text());
    }

    @Test
    void createComposeServiceFollowsTheDeploymentsLayout() {
        String spaced = """
                compose shop {
                \tnetwork backend {
                \t}

                \tservice db {
                \t\timage "postgres:16.4"
                \t} // the database
                }
                """;
        EditWorkspace files = EditWorkspace.of(dir, "shop.vinfra", spaced);
        files.apply(EditWorkspace.EDITS.createComposeService(files.find(Compose.class, "shop"), "web", "nginx:1.27"));
        assertEquals("""
                compose shop {
                \tnetwork backend {
                \t}

                \tservice db {
                \t\timage "postgres:16.4"
                \t} // the database

                \tservice web {
                \t\timage "nginx:1.27"
                \t}
                }
                """, files.text());
        assertEquals(2, files.find(Compose.class, "shop").getServices().size());

        EditWorkspace compact = EditWorkspace.of(dir.resolve("second2"), "c.vinfra",
                "compose c { service a { image \"x:1\" } }\n");
        compact.apply(EditWorkspace.EDITS.createComposeService(compact.find(Compose.class, "c"), "b", "y:2"));
        assertEquals("compose c { service a { image \"x:1\" } service b { image \"y:2\" } }\n", compact.text());
        compact.refused(EditWorkspace.EDITS.createComposeService(compact.find(Compose.class, "c"), "a", "z:3"), "'c.a' is taken");
    }

    @Test
    void badOrTakenNamesAreRefused() {
        EditWorkspace files = lab();
        var edits = EditWorkspace.EDITS;
        Host server1 = files.find(Host.class, "server1");
        files.refused(edits.createVm(files.resource(), "1web", server1), "'1web' is not a name", "starts with a letter");
        files.refused(edits.createVm(files.resource(), "my vm", server1), "not a name", "my-vm");
        files.refused(edits.createVm(files.resource(), "host", server1), "'host' is a keyword", "gateway");
        files.refused(edits.createVm(files.resource(), "web2", server1), "'web2' is taken", "virtual machine 'web'", "lab.vinfra:24",
                "each replica");
        files.refused(edits.createVm(files.resource(), "server1", server1), "'server1' is taken", "host 'server1'");
        files.refused(edits.createHost(files.resource(), "db"), "'db' is taken");
        files.refused(edits.createNetwork(files.resource(), "lan"), "'lan' is taken");
        // a keyword that makes a natural name is a name
        files.apply(edits.createVm(files.resource(), "gateway", server1));
        assertEquals("gateway", files.find(VirtualMachine.class, "gateway").getName());
    }

    @Test
    void freeNameCountsReplicas() {
        EditWorkspace files = lab();
        assertEquals("web4", EditWorkspace.EDITS.freeName(files.resource(), "web"));
        assertEquals("db1", EditWorkspace.EDITS.freeName(files.resource(), "db"));
        assertEquals("vm1", EditWorkspace.EDITS.freeName(files.resource(), "vm"));
    }

    // ------------------------------------------------------------------ NICs

    @Test
    void addNicGoesAfterTheLastNic() {
        EditWorkspace files = lab();
        EditResult.Applied applied = files.apply(EditWorkspace.EDITS.addNic(files.find(VirtualMachine.class, "web"), files.find(Network.class, "dmz")));
        assertEquals(LAB.replace("\tnic eth1 on lan\n", "\tnic eth1 on lan\n\tnic eth2 on dmz\n"), files.text());
        assertEquals("Add nic eth2 on dmz to vm web", applied.description());
        VirtualMachine web = files.find(VirtualMachine.class, "web");
        assertEquals(List.of("eth0", "eth1", "eth2"), web.getNics().stream().map(VirtualNic::getName).toList());
        assertEquals("dmz", web.getNics().get(2).getNetwork().getName());
    }

    @Test
    void addNicAfterANicWithATrailingCommentOrAtTheEndOfTheBlock() {
        String text = """
                network lan {
                }
                host h {
                \thypervisor kvm
                }
                vm a on h {
                    nic nic1 on lan /* first */
                    vcpus 1
                }
                vm b on h {
                    vcpus 1
                    // no NIC yet
                }
                vm c on h { vcpus 1 }
                vm d on h {
                    vcpus 1 }
                """;
        EditWorkspace files = EditWorkspace.of(dir, "nics.vinfra", text);
        for (String vm : List.of("a", "b", "c", "d")) {
            files.apply(EditWorkspace.EDITS.addNic(files.find(VirtualMachine.class, vm), files.find(Network.class, "lan")));
        }
        assertEquals("""
                network lan {
                }
                host h {
                \thypervisor kvm
                }
                vm a on h {
                    nic nic1 on lan /* first */
                    nic nic2 on lan
                    vcpus 1
                }
                vm b on h {
                    vcpus 1
                    // no NIC yet
                    nic eth0 on lan
                }
                vm c on h { vcpus 1 nic eth0 on lan }
                vm d on h {
                    vcpus 1
                    nic eth0 on lan }
                """, files.text());
    }

    @Test
    void reconnectNicReplacesOnlyTheNetworksName() {
        EditWorkspace files = lab();
        VirtualNic eth0 = files.find(VirtualNic.class, "web.eth0");
        files.apply(EditWorkspace.EDITS.reconnectNic(eth0, files.find(Network.class, "dmz")));
        assertEquals(LAB.replace("nic eth0 on lan // uplink", "nic eth0 on dmz // uplink"), files.text());
        assertEquals("dmz", files.find(VirtualNic.class, "web.eth0").getNetwork().getName());
        assertEquals("lan", files.find(VirtualNic.class, "web.eth1").getNetwork().getName());
    }

    @Test
    void reconnectingAnSriovNicMakesItAVnic() {
        String text = """
                host h {
                \tcpu { features vt-x, vt-d }
                \tnic eno1 { sriov { max-vfs 8 vfs 2 } }
                \thypervisor kvm
                }
                network lan {
                }
                vm v on h {
                \tnic fast sriov eno1 ip 10.0.0.9 // SR-IOV
                }
                """;
        EditWorkspace files = EditWorkspace.of(dir, "sriov.vinfra", text);
        EditResult.Applied applied = files.apply(EditWorkspace.EDITS.reconnectNic(files.find(VirtualNic.class, "v.fast"),
                files.find(Network.class, "lan")));
        assertEquals(text.replace("nic fast sriov eno1 ip", "nic fast on lan ip"), files.text());
        assertTrue(applied.notes().get(0).contains("SR-IOV"), applied.notes().toString());
        assertNull(files.find(VirtualNic.class, "v.fast").getPhysicalFunction());
    }

    @Test
    void removeNicRemovesItsLineAndNothingElse() {
        EditWorkspace files = lab();
        files.apply(EditWorkspace.EDITS.removeNic(files.find(VirtualNic.class, "web.eth1")));
        assertEquals(LAB.replace("\tnic eth1 on lan\n", ""), files.text());
        files.apply(EditWorkspace.EDITS.removeNic(files.find(VirtualNic.class, "web.eth0")));
        assertEquals(LAB.replace("\tnic eth1 on lan\n", "").replace("\tnic eth0 on lan // uplink\n", ""), files.text());
        assertTrue(files.find(VirtualMachine.class, "web").getNics().isEmpty());
    }

    @Test
    void deletingANicTakesTheCommentAboveItWhereRemoveNicDoesNot() {
        EditWorkspace files = lab();
        EditResult.Applied applied = files.apply(EditWorkspace.EDITS.delete(files.find(VirtualNic.class, "web.eth1")));
        assertEquals(LAB.replace("\t/* backup NIC */\n\tnic eth1 on lan\n", ""), files.text());
        assertEquals("Delete vNIC 'eth1' of virtual machine 'web'", applied.description());
        assertEquals(LAB.replace("\t/* backup NIC */\n\tnic eth1 on lan\n", ""), applied.apply(files.resource().getURI(), LAB));
    }

    @Test
    void removeNicOnASharedLineRemovesOnlyItsText() {
        EditWorkspace files = EditWorkspace.of(dir, "one.vinfra", """
                network n {}
                host h { hypervisor kvm }
                vm v on h { nic a on n nic b on n vcpus 1 }
                vm w on h {
                \tnic c on n vcpus 1
                }
                """);
        files.apply(EditWorkspace.EDITS.removeNic(files.find(VirtualNic.class, "v.b")));
        files.apply(EditWorkspace.EDITS.removeNic(files.find(VirtualNic.class, "w.c")));
        assertEquals("""
                network n {}
                host h { hypervisor kvm }
                vm v on h { nic a on n vcpus 1 }
                vm w on h {
                \tvcpus 1
                }
                """, files.text());
    }

    // ------------------------------------------------------------------ placement

    @Test
    void moveVmChangesOnlyTheHostsName() {
        String two = LAB.replace("/* the LAN */", """
                host server2 {
                \tmemory 32 GiB
                \tdatastore local {
                \t}
                \thypervisor kvm
                }

                /* the LAN */""");
        EditWorkspace files = EditWorkspace.of(dir, "two.vinfra", two);
        EditResult.Applied applied = files.apply(EditWorkspace.EDITS.moveVm(files.find(VirtualMachine.class, "web"), files.find(Host.class,
                "server2")));
        assertEquals(two.replace("vm web[1..3] on server1 {", "vm web[1..3] on server2 {"), files.text());
        assertEquals("Move vm web to server2", applied.description());
        VirtualMachine web = files.find(VirtualMachine.class, "web");
        assertEquals("server2", web.getHost().getName());
        assertEquals("server2", ((Host) web.getDisks().get(0).getDatastore().eContainer()).getName(), "the disk follows to server2's local");
    }

    @Test
    void moveVmIsRefusedWhenTheNewHostLacksTheVmsDatastore() {
        String two = LAB + "\nhost bare {\n\thypervisor kvm\n}\n";
        EditWorkspace files = EditWorkspace.of(dir, "bare.vinfra", two);
        files.refused(EditWorkspace.EDITS.moveVm(files.find(VirtualMachine.class, "web"), files.find(Host.class, "bare")),
                "would leave a reference unresolved", "no datastore named 'local'");
    }

    @Test
    void moveContainerAddsThePlacementWhenThereIsNone() {
        EditWorkspace files = EditWorkspace.of(dir, "c.vinfra", """
                host h { hypervisor kvm }
                container c runtime docker /* no placement yet */ {
                \timage "x:1"
                }
                """);
        files.apply(EditWorkspace.EDITS.moveContainer(files.find(Container.class, "c"), files.find(Host.class, "h")));
        assertEquals("""
                host h { hypervisor kvm }
                container c runtime docker on h /* no placement yet */ {
                \timage "x:1"
                }
                """, files.text());
        assertEquals("h", ((Host) files.find(Container.class, "c").getMachine()).getName());
    }

    // ------------------------------------------------------------------ values

    @Test
    void setVcpusReplacesOnlyTheValueOrAddsTheLineFirst() {
        EditWorkspace files = lab();
        files.apply(EditWorkspace.EDITS.setVcpus(files.find(VirtualMachine.class, "web"), " 4 "));
        assertEquals(LAB.replace("\tvcpus 2 // two are enough", "\tvcpus 4 // two are enough"), files.text());
        assertEquals(4, files.find(VirtualMachine.class, "web").getVcpus());

        EditWorkspace none = EditWorkspace.of(dir.resolve("second2"), "n.vinfra",
                "host h { hypervisor kvm }\nvm v on h { // no vcpus\n\tmemory 1 GiB\n}\nvm w on h {}\n");
        none.apply(EditWorkspace.EDITS.setVcpus(none.find(VirtualMachine.class, "v"), "8"));
        none.apply(EditWorkspace.EDITS.setVcpus(none.find(VirtualMachine.class, "w"), "2"));
        assertEquals("host h { hypervisor kvm }\nvm v on h { // no vcpus\n\tvcpus 8\n\tmemory 1 GiB\n}\nvm w on h { vcpus 2 }\n", none.text());
    }

    @Test
    void badVcpusAreRefusedWithTheReason() {
        EditWorkspace files = lab();
        VirtualMachine web = files.find(VirtualMachine.class, "web");
        files.refused(EditWorkspace.EDITS.setVcpus(web, "two"), "'two' is not a whole number", "e.g. 2");
        files.refused(EditWorkspace.EDITS.setVcpus(web, "0"), "at least one vCPU");
        files.refused(EditWorkspace.EDITS.setVcpus(web, "-1"), "between 0 and");
        files.refused(EditWorkspace.EDITS.setVcpus(web, "1.5"), "not a whole number");
        files.refused(EditWorkspace.EDITS.setVcpus(web, ""), "A value is missing");
        files.refused(EditWorkspace.EDITS.setVcpus(web, "1 2"), "as the language writes it");
    }

    @Test
    void setMemoryReplacesOnlyTheValues() {
        EditWorkspace files = lab();
        files.apply(EditWorkspace.EDITS.setMemory(files.find(VirtualMachine.class, "web"), "6GiB"));
        assertEquals(LAB.replace("\tmemory 4 GiB max 8 GiB", "\tmemory 6 GiB max 8 GiB"), files.text());
        files.apply(EditWorkspace.EDITS.setMemory(files.find(VirtualMachine.class, "web"), "6 GiB max 16 GiB"));
        assertEquals(LAB.replace("\tmemory 4 GiB max 8 GiB", "\tmemory 6 GiB max 16 GiB"), files.text());
        files.apply(EditWorkspace.EDITS.setMemory(files.find(VirtualMachine.class, "db"), "2 GiB max 4 GiB"));
        assertTrue(files.text().contains("vm db on server1 { vcpus 1 memory 2 GiB max 4 GiB }"), files.text());
        VirtualMachine web = files.find(VirtualMachine.class, "web");
        assertEquals(6L << 30, web.getMemory());
        assertEquals(16L << 30, web.getMaxMemory());
        assertEquals(4L << 30, files.find(VirtualMachine.class, "db").getMaxMemory());
    }

    @Test
    void setMemoryAddsTheLineAfterVcpus() {
        EditWorkspace files = EditWorkspace.of(dir, "m.vinfra", "host h { hypervisor kvm }\nvm v on h {\n  vcpus 2 # two\n  guest \"Debian\"\n}\n");
        files.apply(EditWorkspace.EDITS.setMemory(files.find(VirtualMachine.class, "v"), "512 MiB"));
        assertEquals("host h { hypervisor kvm }\nvm v on h {\n  vcpus 2 # two\n  memory 512 MiB\n  guest \"Debian\"\n}\n", files.text());
        assertEquals(512L << 20, files.find(VirtualMachine.class, "v").getMemory());
    }

    @Test
    void badMemoryIsRefusedWithTheReason() {
        EditWorkspace files = lab();
        VirtualMachine web = files.find(VirtualMachine.class, "web");
        files.refused(EditWorkspace.EDITS.setMemory(web, "8"), "'8' is not a size", "GiB");
        files.refused(EditWorkspace.EDITS.setMemory(web, "4 parsecs"), "'4 parsecs' is not a size");
        files.refused(EditWorkspace.EDITS.setMemory(web, "16 GiB"), "maximum of 8 GiB", "16 GiB max 32 GiB");
        files.refused(EditWorkspace.EDITS.setMemory(web, "4 GiB max 2 GiB"), "less than the memory");
        files.refused(EditWorkspace.EDITS.setMemory(web, "4 G iB"), "not a size");
    }

    // ------------------------------------------------------------------ delete

    @Test
    void deletingAVmTakesItsLinesAndTheCommentAbove() {
        EditWorkspace files = lab();
        files.apply(EditWorkspace.EDITS.delete(files.find(Container.class, "cache")));
        EditResult.Applied applied = files.apply(EditWorkspace.EDITS.delete(files.find(VirtualMachine.class, "web")));
        assertEquals(LAB.replace("""
                // web servers
                // (three of them)
                vm web[1..3] on server1 {
                \tvcpus 2 // two are enough
                \tmemory 4 GiB max 8 GiB
                \tnic eth0 on lan // uplink
                \t/* backup NIC */
                \tnic eth1 on lan
                \tdisk root 20 GiB on local
                }

                """, "").replace("""
                container cache on web2 {
                \timage "redis:7.4"
                }
                """, ""), files.text());
        assertEquals("Delete virtual machine 'web'", applied.description());
        assertEquals(List.of(), applied.notes());
    }

    @Test
    void deletingAVmThatAContainerRunsOnIsRefused() {
        EditWorkspace files = lab();
        files.refused(EditWorkspace.EDITS.delete(files.find(VirtualMachine.class, "web")), "Virtual machine 'web' cannot be deleted",
                "container or service 'cache' (lab.vinfra:35) runs on it", "Move them");
    }

    @Test
    void deletingAHostWithVmsIsRefusedNamingThem() {
        EditWorkspace files = lab();
        String reason = files.refused(EditWorkspace.EDITS.delete(files.find(Host.class, "server1")), "Host 'server1' cannot be deleted",
                "2 elements depend", "virtual machine 'web' (lab.vinfra:24) is placed on it", "virtual machine 'db' (lab.vinfra:33) is placed on it");
        assertTrue(!reason.contains("disk"), "the disk is inside a VM already named: " + reason);
    }

    @Test
    void deletingANetworkRemovesTheVnicsOnItAndSaysWhich() {
        EditWorkspace files = lab();
        EditResult.Applied applied = files.apply(EditWorkspace.EDITS.delete(files.find(Network.class, "lan")));
        assertEquals(LAB.replace("/* the LAN */\nnetwork lan {\n\tcidr 10.0.0.0/24\n}\n\n", "")
                .replace("\tnic eth0 on lan // uplink\n", "").replace("\tnic eth1 on lan\n", ""), files.text());
        assertEquals(List.of("Also removed 'nic eth0 on lan' of virtual machine 'web' (lab.vinfra:27), which referred to network 'lan'.",
                "Also removed 'nic eth1 on lan' of virtual machine 'web' (lab.vinfra:29), which referred to network 'lan'."), applied.notes());
        assertTrue(files.find(VirtualMachine.class, "web").getNics().isEmpty());
        assertEquals(List.of(), files.errors());
    }

    @Test
    void deletingTheFirstElementKeepsTheFilesHeaderComment() {
        EditWorkspace files = EditWorkspace.of(dir, "h.vinfra", "// header\nnetwork a {\n}\n\nnetwork b {\n}\n");
        files.apply(EditWorkspace.EDITS.delete(files.find(Network.class, "a")));
        assertEquals("// header\n\nnetwork b {\n}\n", files.text());
        files.apply(EditWorkspace.EDITS.delete(files.find(Network.class, "b")));
        assertEquals("// header\n", files.text());
    }

    @Test
    void deletingInACrlfFileWithSpaces() {
        String text = "network a {\r\n}\r\n\r\n  // about b\r\nnetwork b {\r\n  cidr 10.1.0.0/16\r\n}\r\n\r\nnetwork c {\r\n}\r\n";
        EditWorkspace files = EditWorkspace.of(dir, "crlf.vinfra", text);
        files.apply(EditWorkspace.EDITS.delete(files.find(Network.class, "b")));
        assertEquals("network a {\r\n}\r\n\r\nnetwork c {\r\n}\r\n", files.text());
        files.apply(EditWorkspace.EDITS.delete(files.find(Network.class, "c")));
        assertEquals("network a {\r\n}\r\n", files.text());
    }

    // ------------------------------------------------------------------ rename

    @Test
    void renamingAReplicatedVmRenamesItsReplicaReferences() {
        EditWorkspace files = lab();
        EditResult.Applied applied = files.apply(EditWorkspace.EDITS.rename(files.find(VirtualMachine.class, "web"), "app"));
        assertEquals(LAB.replace("vm web[1..3]", "vm app[1..3]").replace("container cache on web2", "container cache on app2"), files.text());
        assertEquals("Rename virtual machine 'web' to app", applied.description());
        assertEquals(List.of("Renamed 1 reference in 1 file."), applied.notes());
        assertEquals("app", ((VirtualMachine) files.find(Container.class, "cache").getMachine()).getName());
    }

    @Test
    void renamingAHostRenamesQualifiedReferencesSegmentBySegment() {
        EditWorkspace files = EditWorkspace.of(dir, "q.vinfra", """
                host server1 {
                \tcpu { features vt-x, vt-d }
                \tnic eno1 { sriov { max-vfs 4 vfs 1 } }
                \thypervisor kvm
                }
                network server1net on server1 {
                \tmode bridged to eno1
                }
                vm v on server1 {
                \tnic fast sriov server1 . eno1
                }
                timeline {
                \tat 1 min fail nic server1.eno1 // the cable
                \tat 2 min recover server1
                }
                """);
        files.apply(EditWorkspace.EDITS.rename(files.find(Host.class, "server1"), "node"));
        assertEquals("""
                host node {
                \tcpu { features vt-x, vt-d }
                \tnic eno1 { sriov { max-vfs 4 vfs 1 } }
                \thypervisor kvm
                }
                network server1net on node {
                \tmode bridged to eno1
                }
                vm v on node {
                \tnic fast sriov node . eno1
                }
                timeline {
                \tat 1 min fail nic node.eno1 // the cable
                \tat 2 min recover node
                }
                """, files.text());
        files.apply(EditWorkspace.EDITS.rename(files.find(org.vinfra.lang.vinfra.Nic.class, "node.eno1"), "uplink"));
        assertTrue(files.text().contains("mode bridged to uplink"), files.text());
        assertTrue(files.text().contains("nic fast sriov node . uplink"), files.text());
        assertTrue(files.text().contains("fail nic node.uplink // the cable"), files.text());
        assertEquals(List.of(), files.errors());
    }

    @Test
    void renamingAGroupNeverChangesAnotherElementsMeaning() {
        EditWorkspace files = EditWorkspace.of(dir, "g.vinfra", """
                host rack[1..4] {
                \thypervisor kvm
                }
                vm rack12 on rack1 {
                }
                vm edge on rack {
                }
                container c on rack12 {
                \timage "x:1"
                }
                container d on rack4 {
                \timage "x:1"
                }
                """);
        EditResult.Applied applied = files.apply(EditWorkspace.EDITS.rename(files.find(Host.class, "rack"), "node"));
        assertEquals("""
                host node[1..4] {
                \thypervisor kvm
                }
                vm rack12 on node1 {
                }
                vm edge on node {
                }
                container c on rack12 {
                \timage "x:1"
                }
                container d on node4 {
                \timage "x:1"
                }
                """, files.text());
        assertEquals(List.of("Renamed 3 references in 1 file."), applied.notes());
        assertEquals("rack12", ((VirtualMachine) files.find(Container.class, "c").getMachine()).getName());
    }

    @Test
    void renamingAServiceOrItsDeploymentRenamesRelativeAndQualifiedReferences() {
        String text = """
                compose shop {
                \tservice db {
                \t\timage "postgres:16.4"
                \t}
                \tservice app {
                \t\timage "app:1.0"
                \t\tdepends-on db // started first
                \t}
                }

                container tool {
                \timage "tool:1.0"
                \tdepends-on shop.db
                }
                """;
        EditWorkspace files = EditWorkspace.of(dir, "shop.vinfra", text);
        files.apply(EditWorkspace.EDITS.rename(files.find(Container.class, "shop.db"), "database"));
        assertEquals(text.replace("service db {", "service database {").replace("depends-on db //", "depends-on database //")
                .replace("depends-on shop.db", "depends-on shop.database"), files.text());
        files.apply(EditWorkspace.EDITS.rename(files.find(Compose.class, "shop"), "store"));
        assertEquals(text.replace("service db {", "service database {").replace("depends-on db //", "depends-on database //")
                .replace("depends-on shop.db", "depends-on store.database").replace("compose shop {", "compose store {"), files.text());
        assertEquals("database", files.find(Container.class, "tool").getDependencies().get(0).getTarget().getName());
        files.refused(EditWorkspace.EDITS.rename(files.find(Container.class, "store.app"), "database"), "'store.database' is taken");
    }

    @Test
    void aServiceInAnEmptyDeployment() {
        EditWorkspace files = EditWorkspace.of(dir, "e.vinfra", "host h {\n  hypervisor kvm\n}\n\ncompose c on h {\n}\n");
        files.apply(EditWorkspace.EDITS.createComposeService(files.find(Compose.class, "c"), "web", "nginx:1.27"));
        assertEquals("host h {\n  hypervisor kvm\n}\n\ncompose c on h {\n  service web {\n    image \"nginx:1.27\"\n  }\n}\n", files.text());
    }

    @Test
    void deletingAnImportThatReferencesNeedIsRefused() {
        EditWorkspace files = EditWorkspace.copyOf(dir, List.of(Models.root().resolve("examples/multi-file/hosts.vinfra"),
                Models.root().resolve("examples/multi-file/vms.vinfra")));
        files.refused(EditWorkspace.EDITS.delete(files.model("vms.vinfra").getImports().get(0)), "unresolved", "There is no host named 'rack'");
    }

    @Test
    void renameRefusesBadNamesAndNamesThatWouldClash() {
        EditWorkspace files = lab();
        VirtualMachine db = files.find(VirtualMachine.class, "db");
        files.refused(EditWorkspace.EDITS.rename(db, "vm"), "'vm' is a keyword");
        files.refused(EditWorkspace.EDITS.rename(db, "d.b"), "not a name");
        files.refused(EditWorkspace.EDITS.rename(db, "web3"), "'web3' is taken", "virtual machine 'web'");
        files.refused(EditWorkspace.EDITS.rename(db, "server1"), "'server1' is taken");
        // the group's new replica names would clash with d2
        files.apply(EditWorkspace.EDITS.rename(db, "d2"));
        files.refused(EditWorkspace.EDITS.rename(files.find(VirtualMachine.class, "web"), "d"), "'d2' is taken");
        // a VM and a container may be confused by a workload's 'on': taken
        files.refused(EditWorkspace.EDITS.rename(files.find(Container.class, "cache"), "d2"), "'d2' is taken");
        // renaming to the same name changes nothing
        EditResult.Applied same = files.apply(EditWorkspace.EDITS.rename(files.find(VirtualMachine.class, "d2"), "d2"));
        assertTrue(same.isEmpty());
    }

    @Test
    void renameIsRefusedWhenANearerNameWouldCaptureAReference() {
        EditWorkspace files = EditWorkspace.of(dir, "s.vinfra", """
                network outside {
                }
                compose shop {
                \tnetwork inside {
                \t}
                \tservice web {
                \t\timage "x:1"
                \t\tnetwork outside
                \t}
                }
                """);
        files.refused(EditWorkspace.EDITS.rename(files.find(Network.class, "outside"), "inside"), "would change what 'outside'",
                "network 'inside'");
    }

    @Test
    void renameAcrossFiles() {
        EditWorkspace files = EditWorkspace.copyOf(dir, List.of(Models.root().resolve("examples/multi-file/hosts.vinfra"),
                Models.root().resolve("examples/multi-file/vms.vinfra")));
        String hosts = files.text("hosts.vinfra");
        String vms = files.text("vms.vinfra");
        EditResult.Applied applied = files.apply(EditWorkspace.EDITS.rename(files.find(Host.class, "rack"), "node"));
        assertEquals(2, applied.edits().size());
        assertEquals(hosts.replace("host rack[1..4]", "host node[1..4]"), files.text("hosts.vinfra"));
        assertEquals(vms.replace("vm worker[1..40] on rack {", "vm worker[1..40] on node {").replace("vm edge on rack1 {", "vm edge on node1 {"),
                files.text("vms.vinfra"));
        assertEquals("node", files.find(VirtualMachine.class, "edge").getHost().getName());
        assertEquals(List.of(), files.errors());
        // and back: the original bytes
        files.apply(EditWorkspace.EDITS.rename(files.find(Host.class, "node"), "rack"));
        assertEquals(hosts, files.text("hosts.vinfra"));
        assertEquals(vms, files.text("vms.vinfra"));
    }

    @Test
    void filesAreCheckedAsTheEditorHasThemNotAsOnDisk() throws java.io.IOException {
        EditWorkspace files = EditWorkspace.copyOf(dir, List.of(Models.root().resolve("examples/multi-file/hosts.vinfra"),
                Models.root().resolve("examples/multi-file/vms.vinfra")));
        // unsaved text in both editors: a new host in hosts.vinfra
        files.resource("hosts.vinfra").reparse(files.text("hosts.vinfra") + "\nhost spare {\n\thypervisor kvm\n}\n");
        files.resource("vms.vinfra").reparse(files.text("vms.vinfra"));
        EditResult result = EditWorkspace.EDITS.createVm(files.resource("vms.vinfra"), "extra", files.find(Host.class, "spare"));
        EditResult.Applied applied = (EditResult.Applied) result;
        assertEquals(List.of("\nvm extra on spare {\n\tvcpus 1\n\tmemory 1 GiB\n}\n"),
                applied.allEdits().stream().map(org.vinfra.lang.edit.TextEdit::newText).toList());
    }

    @Test
    void aVmCannotBeCreatedOnAHostItsFileDoesNotSee() {
        EditWorkspace files = EditWorkspace.of(dir, java.util.Map.of("hosts.vinfra", "host h {\n\thypervisor kvm\n}\n", "other.vinfra",
                "network n {\n}\n"));
        files.refused(EditWorkspace.EDITS.createVm(files.resource("other.vinfra"), "v", files.find(Host.class, "h")),
                "declared in hosts.vinfra, which other.vinfra does not import", "import \"hosts.vinfra\"");
    }

    @Test
    void aFileWithSyntaxErrorsIsNotEdited() {
        EditWorkspace files = EditWorkspace.of(dir, "broken.vinfra", "network a {\n}\nnetwork b {\n\tcidr\n");
        files.refused(EditWorkspace.EDITS.createNetwork(files.resource(), "c"), "syntax error at line", "Fix the text first");
    }
}
