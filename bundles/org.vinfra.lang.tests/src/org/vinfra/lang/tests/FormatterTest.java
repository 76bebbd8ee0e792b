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
    void spacesInsideSettingsAreNormalised() {
        String messy = "host h {\n\tmemory 16   GiB\n\tnic e0 {\n\t\tspeed 1   Gbps\n\t}\n}\n\nnetwork n on h {\n\tcidr 10.0.0.0 / 24\n}\n\n"
                + "vm v on h . e0 {\n\tmemory 1.5    GiB max 2\tGiB\n}\n";
        String expected = "host h {\n\tmemory 16 GiB\n\tnic e0 {\n\t\tspeed 1 Gbps\n\t}\n}\n\nnetwork n on h {\n\tcidr 10.0.0.0/24\n}\n\n"
                + "vm v on h.e0 {\n\tmemory 1.5 GiB max 2 GiB\n}\n";
        String once = format(messy);
        assertEquals(expected, once);
        assertEquals(once, format(once), "formatting twice changes nothing");
    }

    @Test
    void aSyntaxErrorElsewhereKeepsTheWholeFileAsItIs() {
        XtextResource resource = (XtextResource) Models.parse("network n {\n\tcidr 192.168.100.0/24\n}\n\nhost h { memory 1 GiB cpu { cores } }\n").eResource();
        ModelFormatter.SyntaxErrorsException refused = assertThrows(ModelFormatter.SyntaxErrorsException.class,
                () -> Models.INJECTOR.getInstance(ModelFormatter.class).format(resource));
        assertEquals(5, refused.problems().get(0).line(), "the syntax error is positioned: " + refused.problems());
        assertEquals("vinfra.syntax-error", refused.problems().get(0).code());
    }

    @Test
    void aFileWithSyntaxErrorsIsNotFormatted() {
        XtextResource resource = (XtextResource) Models.parse("host h { memory").eResource();
        assertThrows(IllegalStateException.class, () -> Models.INJECTOR.getInstance(ModelFormatter.class).format(resource));
    }
}
