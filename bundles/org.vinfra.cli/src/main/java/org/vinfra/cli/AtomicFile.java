package org.vinfra.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file the user asked for so that a failure leaves the old one as it was: the text goes to
 * a temporary file beside it, which is then renamed over it. An existing file keeps its permissions;
 * a new one is readable by all (rw-r--r--).
 */
final class AtomicFile {

    private AtomicFile() {
    }

    static void write(Path file, String text) {
        Path folder = file.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            Set<PosixFilePermission> permissions = Files.exists(file) ? Files.getPosixFilePermissions(file)
                    : PosixFilePermissions.fromString("rw-r--r--");
            temporary = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
            Files.writeString(temporary, text);
            Files.setPosixFilePermissions(temporary, permissions);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserError("cannot write " + file + ": " + e.getMessage() + " (it is unchanged)", VinfraCli.USAGE_OR_IO);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // renamed into place, or never written
                }
            }
        }
    }
}
