package org.vinfra.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vinfra.lang.edit.EditResult;
import org.vinfra.lang.vinfra.Container;
import org.vinfra.lang.vinfra.Datastore;
import org.vinfra.lang.vinfra.Device;
import org.vinfra.lang.vinfra.Host;
import org.vinfra.lang.vinfra.Image;
import org.vinfra.lang.vinfra.Nic;
import org.vinfra.lang.vinfra.Secret;
import org.vinfra.lang.vinfra.Timeline;
import org.vinfra.lang.vinfra.VirtualMachine;
import org.vinfra.lang.vinfra.Volume;
import org.vinfra.lang.vinfra.Workload;

/**
 * What a delete does to the references to the deleted element, kind by kind: connections go with it
 * and are reported; what is placed on it or built from it refuses the delete, naming each referrer.
 */
class DeleteReferencesTest {

    static final String STACK = """
            host h {
            \tcpu {
            \t\tcores 8
            \t\tfeatures vt-x, vt-d
            \t}
            \tmemory 32 GiB
            \tnic eno1 {
            \t\tsriov {
            \t\t\tmax-vfs 4
            \t\t\tvfs 1
            \t\t}
            \t}
            \tnic eno2
            \tdatastore local {
            \t}
            \tdevice gpu0 gpu
            \thypervisor kvm
            }

            network lan on h {
            \tmode bridged to eno2
            }

            vm app on h {
            \tvcpus 2
            \tmemory 2 GiB
            \tpassthrough gpu0
            \tnic fast sriov eno1
            \tdisk root 10 GiB on local
            }

            vm pg on h {
            \tvcpus 2
            \tmemory 2 GiB
            }

            image base {
            \tfrom "debian:12.7"
            }

            image web-image {
            \tfrom base
            }

            volume data

            secret token {
            \tfile "token.txt"
            }

            container db on pg {
            \timage "postgres:16.4"
            \tmount data at "/var/lib/postgresql/data"
            \tsecret token
            }

            container web on app {
            \timage web-image
            \tdepends-on db
            \tsecret token // for the API
            }

            workload serve on app {
            \tinstructions 10 GI
            \tflow to pg:5432 100 Mbps
            }

            timeline {
            \tat 1 min spike serve by 2.0 for 30 s
            \tat 2 min stop pg
            \tat 3 min fail nic h.eno1
            \tat 4 min recover h
            }
            """;

    @TempDir
    Path dir;

    private EditWorkspace files;

    @BeforeEach
    void load() {
        files = EditWorkspace.of(dir, "stack.vinfra", STACK);
        assertEquals(List.of(), files.errors(), "the stack is valid");
    }

    private EditResult.Applied delete(Class<? extends org.eclipse.emf.ecore.EObject> type, String name) {
        EditResult.Applied applied = files.apply(EditWorkspace.EDITS.delete(files.find(type, name)));
        assertEquals(List.of(), files.errors(), "nothing is left broken:\n" + files.text());
        return applied;
    }

    @Test
    void aVolumeTakesItsMounts() {
        EditResult.Applied applied = delete(Volume.class, "data");
        assertEquals(STACK.replace("volume data\n\n", "").replace("\tmount data at \"/var/lib/postgresql/data\"\n", ""), files.text());
        assertEquals(List.of("Also removed 'mount data at \"/var/lib/postgresql/data\"' of container or service 'db' (stack.vinfra:53), which"
                + " referred to volume 'data'."), applied.notes());
        assertTrue(files.find(Container.class, "db").getMounts().isEmpty());
    }

    @Test
    void aSecretTakesItsSecretLinesWithTheirComments() {
        EditResult.Applied applied = delete(Secret.class, "token");
        assertEquals(STACK.replace("secret token {\n\tfile \"token.txt\"\n}\n\n", "").replace("\tsecret token\n", "")
                .replace("\tsecret token // for the API\n", ""), files.text());
        assertEquals(2, applied.notes().size(), applied.notes().toString());
        assertTrue(applied.notes().get(1).contains("'secret token' of container or service 'web' (stack.vinfra:60)"), applied.notes().toString());
    }

    @Test
    void anImageInUseIsRefused() {
        files.refused(EditWorkspace.EDITS.delete(files.find(Image.class, "base")), "Image 'base' cannot be deleted",
                "image 'web-image' (stack.vinfra:41) is built from it");
        files.refused(EditWorkspace.EDITS.delete(files.find(Image.class, "web-image")),
                "container or service 'web' (stack.vinfra:57) uses it as its image");
    }

    @Test
    void aContainerTakesTheDependenciesOnIt() {
        EditResult.Applied applied = delete(Container.class, "db");
        assertEquals(STACK.replace("""
                container db on pg {
                \timage "postgres:16.4"
                \tmount data at "/var/lib/postgresql/data"
                \tsecret token
                }

                """, "").replace("\tdepends-on db\n", ""), files.text());
        assertEquals(List.of("Also removed 'depends-on db' of container or service 'web' (stack.vinfra:59), which referred to container or"
                + " service 'db'."), applied.notes());
    }

    @Test
    void aWorkloadTakesItsTimelineEvents() {
        EditResult.Applied applied = delete(Workload.class, "serve");
        assertTrue(files.text().contains("timeline {\n\tat 2 min stop pg\n"), files.text());
        assertTrue(applied.notes().get(0).contains("'at 1 min spike serve by 2.0 for 30 s' of the timeline (stack.vinfra:69)"),
                applied.notes().toString());
    }

    @Test
    void aVmWithAContainerOnItIsRefusedThenGoesWithItsFlowsAndEvents() {
        files.refused(EditWorkspace.EDITS.delete(files.find(VirtualMachine.class, "pg")),
                "Virtual machine 'pg' cannot be deleted: 1 element depends on it", "container or service 'db' (stack.vinfra:51) runs on it");
        delete(Container.class, "db");
        EditResult.Applied applied = delete(VirtualMachine.class, "pg");
        assertTrue(!files.text().contains("pg"), files.text());
        assertEquals(2, applied.notes().size(), applied.notes().toString());
        assertTrue(files.text().contains("workload serve on app {\n\tinstructions 10 GI\n}\n"), files.text());
        assertEquals(3, ((Timeline) files.model("stack.vinfra").getElements().get(files.model("stack.vinfra").getElements().size() - 1))
                .getEvents().size());
    }

    @Test
    void aDeviceTakesItsPassthroughLine() {
        EditResult.Applied applied = delete(Device.class, "h.gpu0");
        assertEquals(STACK.replace("\tdevice gpu0 gpu\n", "").replace("\tpassthrough gpu0\n", ""), files.text());
        assertEquals(List.of("Also removed 'passthrough gpu0' of virtual machine 'app' (stack.vinfra:27), which referred to device 'gpu0' of"
                + " host 'h'."), applied.notes());
    }

    @Test
    void aHostNicTakesItsVirtualFunctionsAndEventsButNotAnUplink() {
        EditResult.Applied applied = delete(Nic.class, "h.eno1");
        assertEquals(STACK.replace("\tnic eno1 {\n\t\tsriov {\n\t\t\tmax-vfs 4\n\t\t\tvfs 1\n\t\t}\n\t}\n", "")
                .replace("\tnic fast sriov eno1\n", "").replace("\tat 3 min fail nic h.eno1\n", ""), files.text());
        assertEquals(2, applied.notes().size(), applied.notes().toString());
        files.refused(EditWorkspace.EDITS.delete(files.find(Nic.class, "h.eno2")), "network 'lan' (stack.vinfra:", "uses it as its uplink");
    }

    @Test
    void aDatastoreWithDisksIsRefused() {
        files.refused(EditWorkspace.EDITS.delete(files.find(Datastore.class, "h.local")),
                "disk 'root' of virtual machine 'app' (stack.vinfra:29) has a disk on it");
    }

    @Test
    void aHostWithVmsIsRefusedNamingEachOnce() {
        String reason = files.refused(EditWorkspace.EDITS.delete(files.find(Host.class, "h")), "Host 'h' cannot be deleted: 3 elements depend",
                "network 'lan' (stack.vinfra:20) is a network of it", "virtual machine 'app' (stack.vinfra:24) is placed on it",
                "virtual machine 'pg' (stack.vinfra:32) is placed on it");
        assertTrue(!reason.contains("disk 'root'"), reason);
    }
}
