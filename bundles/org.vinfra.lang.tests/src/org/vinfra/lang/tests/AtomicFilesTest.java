package org.vinfra.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vinfra.lang.workspace.AtomicFiles;

/** Writes that leave the old file or the new one, and nothing else behind. */
class AtomicFilesTest {

    @TempDir
    Path folder;

    @Test
    void aWriteReplacesTheFileAndKeepsItsPermissions() throws Exception {
        Path file = folder.resolve("lab.vinfra");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        AtomicFiles.write(file, "new");
        assertEquals("new", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(List.of(file), list());
    }

    @Test
    void aStagedFileChangesNothingUntilCommitted() throws Exception {
        Path file = folder.resolve("compose.yaml");
        Files.writeString(file, "old");
        Path staged = AtomicFiles.stage(file, "new".getBytes(), null);
        assertEquals("old", Files.readString(file));
        AtomicFiles.discard(staged);
        assertEquals("old", Files.readString(file));
        assertEquals(List.of(file), list(), "a discarded write leaves nothing behind");
    }

    /** What a writer killed between writing and renaming left behind goes with the next write into the folder. */
    @Test
    void theLeftoversOfAKilledWriterGoWithTheNextWrite() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path leftover = folder.resolve(".lab.vinfra.vinfra-" + gone.pid() + "-123456.tmp");
        Path inProgress = folder.resolve(".lab.vinfra.vinfra-" + ProcessHandle.current().pid() + "-654321.tmp");
        Path someoneElses = folder.resolve(".lab.vinfra.swp");
        for (Path file : List.of(leftover, inProgress, someoneElses)) {
            Files.writeString(file, "half a file");
        }
        Path file = folder.resolve("other.vinfra");
        AtomicFiles.write(file, "text");
        assertFalse(Files.exists(leftover), "the temporary file of a process that no longer runs is removed");
        assertTrue(Files.exists(inProgress), "the temporary file of a running writer is left alone");
        assertTrue(Files.exists(someoneElses), "files vinfra did not write are left alone");
        assertEquals("text", Files.readString(file));
    }

    private List<Path> list() throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
