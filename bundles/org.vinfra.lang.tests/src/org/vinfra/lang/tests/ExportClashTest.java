package org.vinfra.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vinfra.lang.validation.IssueCodes;
import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.lang.workspace.Problem;

/**
 * Files exported together share one output folder: two elements of different files that would write the same file are
 * errors at their names, in both files, before any export.
 */
class ExportClashTest {

    private static final String HOSTS = """
            host h {
              cpu { cores 4 features vt-x }
              memory 16 GiB
              hypervisor kvm
            }
            """;

    private static List<Problem> clashes(String first, String second) throws IOException {
        ModelSet models = Models.INJECTOR.getInstance(ModelSet.class);
        models.loadText("hosts.vinfra", HOSTS);
        models.loadText("a.vinfra", "import \"hosts.vinfra\"\n" + first);
        models.loadText("b.vinfra", "import \"hosts.vinfra\"\n" + second);
        return models.validate().stream().filter(p -> p.code().equals(IssueCodes.EXPORT_CLASH)).toList();
    }

    @Test
    void theSameVmNameInTwoFilesIsAnErrorInBoth() throws IOException {
        List<Problem> clashes = clashes("vm db on h { memory 1 GiB }", "\n\nvm db on h { memory 2 GiB }");
        assertEquals(List.of("a.vinfra:2:4", "b.vinfra:4:4"), clashes.stream().map(p -> p.file() + ":" + p.line() + ":" + p.column()).toList());
        assertTrue(clashes.get(0).message().contains("libvirt/domains/db.xml") && clashes.get(0).message().contains("b.vinfra")
                && clashes.get(0).message().contains("another name"), clashes.get(0).message());
    }

    @Test
    void aReplicaClashesWithAnElementOfItsName() throws IOException {
        List<Problem> clashes = clashes("vm web[1..2] on h { memory 1 GiB }", "vm web1 on h { memory 1 GiB }");
        assertEquals(2, clashes.size(), clashes.toString());
        assertTrue(clashes.get(0).message().contains("libvirt/domains/web1.xml"), clashes.get(0).message());
    }

    @Test
    void namesThatDifferOnlyInCaseClash() throws IOException {
        List<Problem> clashes = clashes("compose Shop { service s { image \"nginx:1.27\" } }", "compose shop { service s { image \"nginx:1.27\" } }");
        assertEquals(2, clashes.size(), clashes.toString());
        assertTrue(clashes.get(0).message().contains("compose/shop/compose.yaml"), clashes.get(0).message());
    }

    @Test
    void elementsThatExportNothingOrDifferentFilesDoNotClash() throws IOException {
        assertEquals(List.of(), clashes("vm db on h { memory 1 GiB }\nvolume data", "vm db2 on h { memory 1 GiB }\nvolume data\n"
                + "compose db { service db { image \"postgres:16\" } }"));
    }

    @Test
    void onlyTheFilesThatAreTheSameClashAmongManyThatLookAlike() throws IOException {
        List<Problem> clashes = clashes("vm web[1..3] on h { memory 1 GiB }\nvm db on h { memory 1 GiB }",
                "vm web4 on h { memory 1 GiB }\nvm web0 on h { memory 1 GiB }\nvm WEB2 on h { memory 1 GiB }\nvm w1eb on h { memory 1 GiB }\n"
                        + "image web3 { from \"busybox:1.36\" }");
        assertEquals(List.of("a.vinfra:2:4", "b.vinfra:4:4"), clashes.stream().map(p -> p.file() + ":" + p.line() + ":" + p.column()).toList());
        assertTrue(clashes.get(0).message().contains("libvirt/domains/web2.xml") && clashes.get(0).message().contains("'WEB2' in b.vinfra"),
                clashes.get(0).message());
    }

    /** An LXC container exports one folder whatever its range, even an empty one (whose replicas have no names). */
    @Test
    void anLxcContainerWithAnEmptyRangeIsCheckedLikeAnyOther() {
        String lxc = " runtime lxc { template \"alpine:3.19\" unprivileged idmap 0 100000 65536 }\n";
        List<String> codes = Models.codes("container c[3..1]" + lxc + "container c1" + lxc + "container C" + lxc);
        assertTrue(!codes.contains("vinfra.internal-error") && codes.contains(IssueCodes.EMPTY_REPLICATION), codes.toString());
        List<Problem> clashes = Models.problems("container c[3..1]" + lxc + "container c1" + lxc + "container C" + lxc).stream()
                .filter(p -> p.code().equals(IssueCodes.EXPORT_CLASH)).toList();
        assertEquals(List.of("1:11", "3:11"), clashes.stream().map(p -> p.line() + ":" + p.column()).toList(), clashes.toString());
        assertTrue(clashes.get(0).message().contains("lxc/c, and so is the container or service 'C' in this file (lxc/C differs only in case"), clashes.get(0).message());
    }
}
