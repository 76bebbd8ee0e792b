package org.vinfra.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.eclipse.xtext.resource.XtextResource;
import org.junit.jupiter.api.Test;
import org.vinfra.lang.workspace.ModelFormatter;

class FormatterTest {

    private static String format(String text) {
        XtextResource resource = (XtextResource) Models.parse(text).eResource();
        return Models.INJECTOR.getInstance(ModelFormatter.class).format(resource);
    }

    @Test
    void oneSettingPerLineAndBlocksIndented() {
        String messy = """
                // the lab
                host   h { cpu { cores 4   features vt-x,vt-d } memory 16 GiB
                hypervisor kvm { overcommit { cpu 2.0 } } }
                vm web [ 1 .. 2 ] on h { vcpus 2 memory 2 GiB   nic e0 on lan ip 10.0.0.5 } /* trailing */
                container c { image "nginx:1.27" port 8080 : 80 / tcp entrypoint [ "a" , "b" ] env A = "1" }
                """;
        String expected = """
                // the lab
                host h {
                \tcpu {
                \t\tcores 4
                \t\tfeatures vt-x, vt-d
                \t}
                \tmemory 16 GiB
                \thypervisor kvm {
                \t\tovercommit {
                \t\t\tcpu 2.0
                \t\t}
                \t}
                }

                vm web[1..2] on h {
                \tvcpus 2
                \tmemory 2 GiB
                \tnic e0 on lan ip 10.0.0.5
                } /* trailing */

                container c {
                \timage "nginx:1.27"
                \tport 8080:80/tcp
                \tentrypoint ["a", "b"]
                \tenv A = "1"
                }
                """;
        assertEquals(expected, format(messy));
    }

    @Test
    void formattingIsIdempotent() {
        String once = format("host h{memory 1 GiB nic e0 { speed 1 Gbps }}\n\n\n\nnetwork n{cidr 10.0.0.0/24}");
        assertEquals(once, format(once));
    }

    @Test
    void aFileWithSyntaxErrorsIsNotFormatted() {
        XtextResource resource = (XtextResource) Models.parse("host h { memory").eResource();
        assertThrows(IllegalStateException.class, () -> Models.INJECTOR.getInstance(ModelFormatter.class).format(resource));
    }
}
