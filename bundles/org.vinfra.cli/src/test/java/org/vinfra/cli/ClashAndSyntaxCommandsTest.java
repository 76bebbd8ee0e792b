package org.vinfra.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vinfra.cli.Cli.Result;

/**
 * Issue 15 on the command line: what an export could trip on is a positioned error of validate, and generate refuses
 * with it (never a message without a position); format never changes a file with syntax errors and says where they are.
 */
class ClashAndSyntaxCommandsTest {

    private static final String HOST = "host h {\n\tcpu {\n\t\tcores 4\n\t\tfeatures vt-x\n\t}\n\tmemory 16 GiB\n\thypervisor kvm\n}\n";

    @Test
    void theSameVmInTwoFilesIsAPositionedErrorAndNothingIsExported(@TempDir Path dir) throws IOException {
        Path hosts = dir.resolve("hosts.vinfra");
        Path a = dir.resolve("web.vinfra");
        Path b = dir.resolve("db.vinfra");
        Files.writeString(hosts, HOST);
        Files.writeString(a, "import \"hosts.vinfra\"\n\nvm db on h {\n\tmemory 1 GiB\n}\n");
        Files.writeString(b, "import \"hosts.vinfra\"\n\nvm db on h {\n\tmemory 2 GiB\n}\n");
        Result validate = Cli.run("validate", a.toString(), b.toString());
        assertEquals(VinfraCli.MODEL_ERRORS, validate.exit(), validate.all());
        assertTrue(validate.out().contains(a + ":3:4: error vinfra.export-clash: The virtual machine 'db' is exported to libvirt/domains/db.xml"),
                validate.out());
        assertTrue(validate.out().contains(b + ":3:4: error vinfra.export-clash: "), validate.out());

        Path out = dir.resolve("out");
        Result generate = Cli.run("generate", a.toString(), b.toString(), "-o", out.toString());
        assertEquals(VinfraCli.MODEL_ERRORS, generate.exit(), generate.all());
        assertTrue(generate.out().contains(a + ":3:4: error vinfra.export-clash: "), generate.out());
        assertFalse(generate.all().contains("two elements export to the same file"), "never the exporter's message without a position: " + generate.all());
        assertFalse(Files.exists(out.resolve("libvirt/domains/db.xml")), "nothing exported");
    }

    @Test
    void aReplicaAndAnElementOfItsNameInTwoFilesClash(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.vinfra");
        Path b = dir.resolve("b.vinfra");
        Files.writeString(a, HOST + "\nvm web[1..2] on h {\n\tmemory 1 GiB\n}\n");
        Files.writeString(b, "host g {\n\tmemory 4 GiB\n\thypervisor kvm\n}\n\nvm web1 on g {\n\tmemory 1 GiB\n}\n");
        Result validate = Cli.run("validate", a.toString(), b.toString());
        assertTrue(validate.out().contains(b + ":6:4: error vinfra.export-clash: The virtual machine 'web1' is exported to"
                + " libvirt/domains/web1.xml, and so is the virtual machine 'web' in a.vinfra"), validate.out());
    }

    @Test
    void formatRefusesAFileWithSyntaxErrorsAndSaysWhere(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("lab.vinfra");
        String text = "network lan {\n\tcidr   192.168.100.0/24\n}\n\nhost h { memory 1 GiB cpu { cores } }\n";
        Files.writeString(file, text);
        for (String[] args : new String[][] { { "format", file.toString() }, { "format", "--check", file.toString() } }) {
            Result result = Cli.run(args);
            assertEquals(VinfraCli.MODEL_ERRORS, result.exit(), result.all());
            assertTrue(result.out().contains(file + ":5:"), "the syntax error, positioned: " + result.out());
            assertTrue(result.out().contains("error vinfra.syntax-error: "), result.out());
            assertTrue(result.err().contains("not formatted"), result.err());
            assertEquals(text, Files.readString(file), "the file is left as it was");
        }
    }

    @Test
    void formatFoldsSpacesInsideSettings(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("lab.vinfra");
        Files.writeString(file, "host h {\n\tmemory 16   GiB\n\tnic e0 {\n\t\tspeed 1   Gbps\n\t}\n}\n");
        assertEquals(VinfraCli.MODEL_ERRORS, Cli.run("format", "--check", file.toString()).exit());
        assertEquals(VinfraCli.OK, Cli.run("format", file.toString()).exit());
        assertEquals("host h {\n\tmemory 16 GiB\n\tnic e0 {\n\t\tspeed 1 Gbps\n\t}\n}\n", Files.readString(file));
        assertEquals(VinfraCli.OK, Cli.run("format", "--check", file.toString()).exit(), "formatted once, nothing left to do");
    }
}
