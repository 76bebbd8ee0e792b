package org.vinfra.formats;

/** The codes of the problems an import reports (documented in docs/diagnostics.md). */
public final class ImportCodes {

    /** A key or instruction the model cannot express: reported with its line, never dropped silently. */
    public static final String UNSUPPORTED = "vinfra.import-unsupported";
    /** The file is not valid YAML / Dockerfile / LXC config, or a value in it is malformed. */
    public static final String MALFORMED = "vinfra.import-malformed";
    /** A compose file names a variable that is set neither in the environment nor in .env: it reads as an empty string. */
    public static final String UNSET_VARIABLE = "vinfra.import-unset-variable";

    private ImportCodes() {
    }
}
