package org.vinfra.formats.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vinfra.formats.FileNames;
import org.vinfra.formats.GeneratedFiles;
import org.vinfra.formats.OutputWriter;
import org.vinfra.formats.Target;

class OutputWriterTest {

    private static GeneratedFiles files(String... pathsAndContents) {
        GeneratedFiles files = new GeneratedFiles();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            files.add(pathsAndContents[i], pathsAndContents[i + 1]);
        }
        return files;
    }

    @Test
    void writesUnchangedFilesOnlyOnceAndRemovesStaleOnes(@TempDir Path dir) throws IOException {
        OutputWriter.Summary first = OutputWriter.write(files("a/one.txt", "1", "b/two.txt", "2"), dir);
        assertEquals(List.of("a/one.txt", "b/two.txt"), first.written());
        OutputWriter.Summary second = OutputWriter.write(files("a/one.txt", "1", "c/three.txt", "3"), dir);
        assertEquals(List.of("c/three.txt"), second.written());
        assertEquals(List.of("a/one.txt"), second.unchanged());
        assertEquals(List.of("b/two.txt"), second.removed());
        assertFalse(Files.exists(dir.resolve("b/two.txt")));
        assertEquals("3", Files.readString(dir.resolve("c/three.txt")));
    }

    @Test
    void aFailureLeavesThePreviousOutputIntact(@TempDir Path dir) throws IOException {
        OutputWriter.write(files("a/one.txt", "old", "z.txt", "old"), dir);
        Files.createDirectories(dir.resolve("blocked"));
        Files.writeString(dir.resolve("blocked/file"), "a file where a folder is needed");
        GeneratedFiles next = files("a/one.txt", "new", "blocked/file/inner.txt", "cannot be written", "z.txt", "new");
        assertThrows(IOException.class, () -> OutputWriter.write(next, dir));
        assertEquals("old", Files.readString(dir.resolve("a/one.txt")), "nothing half-written");
        assertEquals("old", Files.readString(dir.resolve("z.txt")));
        try (Stream<Path> all = Files.walk(dir)) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    @Test
    void refusesToWriteOutsideTheFolder(@TempDir Path dir) {
        assertThrows(IOException.class, () -> OutputWriter.write(files("../escape.txt", "x"), dir.resolve("out")));
    }

    @Test
    void twoElementsCannotClaimOneFile() {
        GeneratedFiles files = files("x", "1");
        assertThrows(IllegalStateException.class, () -> files.add("x", "2"));
    }

    @Test
    void fileNamesAreSafe() {
        assertEquals("a_b_c", FileNames.safe("a/b c"));
        assertEquals("_etc_passwd", FileNames.safe("../etc/passwd").replaceFirst("^_+", "_"));
        assertEquals("web-1", FileNames.safe("web-1"));
    }

    @Test
    void targetsParseWithAClearError() {
        assertEquals(java.util.Set.of(Target.COMPOSE, Target.LXC), Target.parse("compose, LXC"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Target.parse("compose,helm"));
        assertTrue(error.getMessage().contains("'helm'"), error.getMessage());
    }
}
