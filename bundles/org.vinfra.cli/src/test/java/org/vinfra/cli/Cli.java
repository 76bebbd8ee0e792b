package org.vinfra.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the command line in the test's JVM, as a user would from a shell, and keeps what it printed. */
final class Cli {

    record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Cli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = VinfraCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    /** The repository (the examples and docs the tests read). */
    static Path root() {
        return Path.of(System.getProperty("vinfra.root", "../.."));
    }
}
