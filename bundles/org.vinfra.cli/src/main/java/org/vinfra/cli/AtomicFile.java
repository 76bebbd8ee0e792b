package org.vinfra.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.vinfra.lang.workspace.AtomicFiles;

/**
 * Writes a file the user asked for ({@link AtomicFiles}: the old file or the new one, never a mix); a failure
 * is a {@link UserError} saying the file is unchanged.
 */
final class AtomicFile {

    private AtomicFile() {
    }

    static void write(Path file, String text) {
        try {
            AtomicFiles.write(file, text);
        } catch (IOException e) {
            throw new UserError("cannot write " + file + ": " + e.getMessage() + " (it is unchanged)", VinfraCli.USAGE_OR_IO);
        }
    }
}
