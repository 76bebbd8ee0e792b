package org.vinfra.lang.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes files so that a reader (an editor, a file watcher, another process) and a crash see either the old
 * file or the new one, never part of one: the bytes go to a temporary file beside the target, which is then
 * renamed over it (atomically where the file system can). Every file vinfra writes for a user (format,
 * import, generate, diagram positions, exported pictures) goes through here.
 * <p>
 * A temporary file is named {@code .<target>.vinfra-<pid>-<random>.tmp}, after the process writing it. A
 * process killed between writing and renaming (SIGKILL, power loss) leaves it behind; the next write into the
 * same folder removes the temporary files of processes that no longer run.
 */
public final class AtomicFiles {

    /** Permissions of a new file: rw-r--r--. */
    public static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");

    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.vinfra-(\\d+)-\\d+\\.tmp");

    private AtomicFiles() {
    }

    /** Writes the text as UTF-8; an existing file keeps its permissions, a new one gets {@link #NEW_FILE}. */
    public static void write(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the bytes; an existing file keeps its permissions, a new one gets {@link #NEW_FILE}. */
    public static void write(Path file, byte[] bytes) throws IOException {
        commit(stage(file, bytes, null), file);
    }

    /**
     * The first half of a write: the bytes in a temporary file beside {@code file}, its folders created, with
     * the given permissions (null: those of the existing file, or {@link #NEW_FILE}). {@link #commit} puts it in
     * place, {@link #discard} drops it; until then the target is unchanged. Several files staged first and
     * committed together change together, unless the process dies between two commits.
     */
    public static Path stage(Path file, byte[] bytes, Set<PosixFilePermission> permissions) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        removeLeftovers(folder);
        Path temporary = Files.createTempFile(folder, "." + file.getFileName() + ".vinfra-" + ProcessHandle.current().pid() + "-", ".tmp");
        try {
            Files.write(temporary, bytes);
            Set<PosixFilePermission> wanted = permissions != null ? permissions : Files.exists(file) ? Files.getPosixFilePermissions(file) : NEW_FILE;
            Files.setPosixFilePermissions(temporary, wanted);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the file system's default permissions serve
        } catch (IOException | RuntimeException e) {
            discard(temporary);
            throw e;
        }
        return temporary;
    }

    /** Renames a staged file over its target: atomically where the file system can, else replacing it. */
    public static void commit(Path temporary, Path file) throws IOException {
        try {
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            discard(temporary);
        }
    }

    /** Drops a staged file that will not be committed; nothing if it is gone. */
    public static void discard(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // left for the next write into this folder to remove
        }
    }

    /**
     * Removes from the folder the temporary files that processes which no longer run left behind.
     *
     * @return how many were removed
     */
    public static int removeLeftovers(Path folder) {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, ".*.vinfra-*.tmp")) {
            for (Path file : files) {
                Matcher name = TEMPORARY.matcher(file.getFileName().toString());
                if (name.matches() && !running(name.group(1)) && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        } catch (NoSuchFileException e) {
            // no folder, nothing left in it
        } catch (IOException | RuntimeException e) {
            // an unreadable folder: the write that follows says so
        }
        return removed;
    }

    private static boolean running(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // not a process id vinfra wrote: leave the file alone
        }
    }
}
