package org.vinfra.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vinfra.lang.vinfra.Container;
import org.vinfra.lang.vinfra.Host;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.VirtualMachine;
import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.lang.workspace.Problem;

class LinkingTest {

    private static final String HOST = """
            host h {
              cpu { cores 4 features vt-x, vt-d }
              memory 16 GiB
              nic eth0 { sriov { max-vfs 8 vfs 4 } }
              datastore ds { capacity 100 GiB }
              device cd cdrom
              hypervisor kvm
            }
            """;

    @Test
    void aVmNamesItsHostsResourcesBySimpleName() {
        Model model = Models.parse(HOST + "vm v on h { disk root 10 GiB on ds passthrough cd nic e0 sriov eth0 }");
        Host host = (Host) model.getElements().get(0);
        VirtualMachine vm = (VirtualMachine) model.getElements().get(1);
        assertSame(host, vm.getHost());
        assertSame(host.getDatastores().get(0), vm.getDisks().get(0).getDatastore());
        assertSame(host.getDevices().get(0), vm.getPassthrough().get(0));
        assertSame(host.getNics().get(0), vm.getNics().get(0).getPhysicalFunction());
    }

    @Test
    void qualifiedNamesReachNestedElements() {
        Model model = Models.parse(HOST + "network lan { mode bridged to h.eth0 }");
        Host host = (Host) model.getElements().get(0);
        assertSame(host.getNics().get(0), ((org.vinfra.lang.vinfra.Network) model.getElements().get(1)).getUplink());
    }

    @Test
    void replicasAreKnownByTheirOwnNames() {
        Model model = Models.parse("""
                host node[1..4] { memory 8 GiB cpu { features vt-x } hypervisor kvm }
                vm a on node3 { memory 1 GiB }
                vm b on node { memory 1 GiB }
                """);
        Host group = (Host) model.getElements().get(0);
        assertSame(group, ((VirtualMachine) model.getElements().get(1)).getHost());
        assertSame(group, ((VirtualMachine) model.getElements().get(2)).getHost());
        assertTrue(Models.codes("host node[1..4] { memory 8 GiB }\nvm a on node5 { }").contains("vinfra.unresolved-reference"),
                "node5 is outside the range");
    }

    @Test
    void composeServicesSeeTheirSiblings() {
        Model model = Models.parse("""
                compose app {
                  service db { image "mysql:8.4" }
                  service web { image "wordpress:6.6" depends-on db }
                }
                """);
        org.vinfra.lang.vinfra.Compose compose = (org.vinfra.lang.vinfra.Compose) model.getElements().get(0);
        Container web = compose.getServices().get(1);
        assertSame(compose.getServices().get(0), web.getDependencies().get(0).getTarget());
    }

    @Test
    void anUnknownNameIsAPositionedErrorThatTeaches() {
        List<Problem> problems = Models.problems("vm v on nowhere { }");
        assertEquals(1, problems.size());
        Problem problem = problems.get(0);
        assertEquals("vinfra.unresolved-reference", problem.code());
        assertEquals(1, problem.line());
        assertEquals(9, problem.column());
        assertTrue(problem.message().contains("no host named 'nowhere'"), problem.message());
        assertTrue(problem.message().contains("import"), "says how to fix it: " + problem.message());
    }

    @Test
    void filesImportEachOther(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("hosts.vinfra"), HOST);
        Path vms = dir.resolve("vms.vinfra");
        Files.writeString(vms, "import \"hosts.vinfra\"\nvm v on h { vcpus 2 memory 1 GiB disk root 10 GiB on ds }\n");
        ModelSet models = Models.INJECTOR.getInstance(ModelSet.class);
        models.load(List.of(vms));
        List<Problem> problems = models.validate();
        assertTrue(problems.stream().noneMatch(Problem::isError), problems.toString());
        VirtualMachine vm = (VirtualMachine) models.models().get(0).getElements().get(0);
        assertEquals("h", vm.getHost().getName());
        assertFalse(vm.getHost().eIsProxy());
    }

    @Test
    void withoutTheImportTheOtherFileIsNotVisible(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("hosts.vinfra"), HOST);
        Path vms = dir.resolve("vms.vinfra");
        Files.writeString(vms, "vm v on h { }\n");
        ModelSet models = Models.INJECTOR.getInstance(ModelSet.class);
        models.load(List.of(vms));
        assertEquals(List.of("vinfra.unresolved-reference"), models.validate().stream().map(Problem::code).toList());
    }
}
