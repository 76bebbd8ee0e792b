package org.vinfra.diagram.server.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The texts as files on disk, written atomically ({@link AtomicWrite}): the command line's store. */
public final class DiskTextStore implements TextStore {

    @Override
    public String read(Path file) {
        return DiagramWorkspace.readOrNull(file);
    }

    @Override
    public void write(Path file, String text) throws IOException {
        if (text == null) {
            Files.deleteIfExists(file);
        } else {
            org.vinfra.lang.workspace.AtomicFiles.write(file, text);
        }
    }
}
