package org.vinfra.formats;

/** A fault in an imported file that stops the import of that file: reported as a positioned import-malformed error. */
public final class ImportException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Position position;

    public ImportException(Position position, String message) {
        super(message);
        this.position = position;
    }

    public Position position() {
        return position;
    }
}
