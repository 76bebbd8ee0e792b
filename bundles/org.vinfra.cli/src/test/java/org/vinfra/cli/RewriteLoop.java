package org.vinfra.cli;

import java.nio.file.Path;

import org.vinfra.formats.GeneratedFiles;
import org.vinfra.formats.OutputWriter;

/**
 * A process for {@link AtomicWritesKillTest}: writes two versions of a file (as format and import do,
 * {@link AtomicFile}) or of an export folder (as generate does, {@link OutputWriter}) in turn, without
 * end, until it is killed. Prints "writing" once the first write is done.
 */
final class RewriteLoop {

    private RewriteLoop() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[1]);
        for (long round = 0;; round++) {
            boolean first = round % 2 == 0;
            if (args[0].equals("file")) {
                AtomicFile.write(target, AtomicWritesKillTest.version(first));
            } else {
                GeneratedFiles files = new GeneratedFiles();
                for (String name : AtomicWritesKillTest.EXPORTED) {
                    files.add(name, AtomicWritesKillTest.version(first) + name);
                }
                OutputWriter.write(files, target);
            }
            if (round == 0) {
                System.out.println("writing");
                System.out.flush();
            }
        }
    }
}
