package org.vinfra.formats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vinfra.lang.workspace.AtomicFiles;

/**
 * Writes generated files into a folder so that a failure leaves the previous output intact: every
 * file is first written beside its destination, and only when all are written are they renamed
 * into place. Unchanged files are not rewritten; files the previous export wrote and this one does
 * not are removed (the list lives in {@value #MANIFEST}).
 */
public final class OutputWriter {

    public static final String MANIFEST = ".vinfra-generated";

    /** What a write changed. */
    public record Summary(List<String> written, List<String> unchanged, List<String> removed) {
    }

    private OutputWriter() {
    }

    public static Summary write(GeneratedFiles output, Path folder) throws IOException {
        Files.createDirectories(folder);
        Map<Path, Path> staged = new LinkedHashMap<>();
        List<String> written = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        try {
            for (Map.Entry<String, String> file : output.files().entrySet()) {
                Path target = folder.resolve(file.getKey()).normalize();
                if (!target.startsWith(folder.normalize())) {
                    throw new IOException("refusing to write outside the output folder: " + file.getKey());
                }
                byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
                if (Files.isRegularFile(target) && java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
                    AtomicFiles.removeLeftovers(target.getParent()); // of an earlier run that was killed
                    unchanged.add(file.getKey());
                    continue;
                }
                staged.put(AtomicFiles.stage(target, bytes,
                        output.isExecutable(file.getKey()) ? PosixFilePermissions.fromString("rwxr-xr-x") : AtomicFiles.NEW_FILE), target);
                written.add(file.getKey());
            }
        } catch (IOException | RuntimeException e) {
            staged.keySet().forEach(AtomicFiles::discard);
            throw e;
        }
        for (Map.Entry<Path, Path> move : staged.entrySet()) {
            AtomicFiles.commit(move.getKey(), move.getValue());
        }
        List<String> removed = removeStale(output, folder);
        Path manifest = folder.resolve(MANIFEST);
        AtomicFiles.write(manifest, String.join("\n", output.files().keySet()) + "\n");
        return new Summary(written, unchanged, removed);
    }

    private static List<String> removeStale(GeneratedFiles output, Path folder) throws IOException {
        List<String> removed = new ArrayList<>();
        Path manifest = folder.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return removed;
        }
        for (String previous : Files.readAllLines(manifest)) {
            if (previous.isBlank() || output.files().containsKey(previous)) {
                continue;
            }
            Path stale = folder.resolve(previous).normalize();
            if (stale.startsWith(folder.normalize()) && Files.deleteIfExists(stale)) {
                removed.add(previous);
            }
        }
        return removed;
    }
}
