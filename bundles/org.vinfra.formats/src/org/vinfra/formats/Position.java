package org.vinfra.formats;

import java.nio.file.Path;

/** A place in an imported file: lines and columns from 1. */
public record Position(Path file, int line, int column) {

    public static Position start(Path file) {
        return new Position(file, 1, 1);
    }
}
