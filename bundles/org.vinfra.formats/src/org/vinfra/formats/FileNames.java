package org.vinfra.formats;

import org.vinfra.lang.model.ExportFiles;

/** File and object names made safe from model names: no path separators, no dots at the start, no spaces ({@link ExportFiles}). */
public final class FileNames {

    private FileNames() {
    }

    public static String safe(String name) {
        return ExportFiles.safe(name);
    }

    /** A name lower-cased for tools that want lower case (compose project names, image names). */
    public static String lowerSafe(String name) {
        return ExportFiles.lowerSafe(name);
    }
}
