package org.vinfra.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "diagram", description = {
        "Opens the topology of .vinfra files as a live diagram in the browser: prints the URL to open",
        "(127.0.0.1, with an access token), follows the files as they change on disk, and writes every",
        "diagram operation into them. Ctrl+C stops it." })
final class DiagramCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .vinfra files to show (new elements go to the first).")
    private List<Path> files;

    @Option(names = "--port", paramLabel = "PORT", description = "The port on 127.0.0.1 (default: 0, any free port).")
    private int port;

    @Override
    public Integer call() {
        return DiagramServing.serve(files, port, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
