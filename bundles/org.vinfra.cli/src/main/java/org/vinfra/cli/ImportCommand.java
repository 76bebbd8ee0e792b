package org.vinfra.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.vinfra.formats.Importer;
import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.lang.workspace.Problem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", description = {
        "Reads compose files (*.yaml, *.yml), Dockerfiles (Dockerfile, NAME.Dockerfile) and LXC configs (config, *.conf)",
        "into one formatted .vinfra model. What the model cannot express is reported with its line.",
        "An existing output is replaced only with --force (or left alone when it already holds this import).",
        "Exit code: 0 imported, 1 a file is malformed (nothing written), 2 usage or I/O problem." })
final class ImportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The files to import.")
    private List<Path> files;

    @Option(names = { "-o", "--output" }, required = true, paramLabel = "MODEL.vinfra", description = "The model to write.")
    private Path output;

    @Option(names = "--force", description = "Replace the output file if it exists.")
    private boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!output.getFileName().toString().endsWith(".vinfra")) {
            throw new UserError(output + ": the model's name must end in .vinfra", VinfraCli.USAGE_OR_IO);
        }
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new UserError(file + ": no such file", VinfraCli.USAGE_OR_IO);
            }
        }
        Importer.Result result;
        try {
            result = Language.injector().getInstance(Importer.class).read(files, output, System.getenv());
        } catch (IOException e) {
            throw new UserError("cannot read: " + e.getMessage(), VinfraCli.USAGE_OR_IO);
        }
        for (Problem problem : result.report().problems()) {
            out.println(problem.format());
        }
        if (result.report().hasErrors()) {
            out.flush();
            err.println("vinfra: the input has errors: nothing written");
            return VinfraCli.MODEL_ERRORS;
        }
        if (Files.exists(output) && !force) {
            if (!sameText(output, result.text())) {
                throw new UserError(output + " exists and differs from this import (it may hold your edits); choose another name,"
                        + " or --force to replace it", VinfraCli.USAGE_OR_IO);
            }
            err.println(output + " is already this import: unchanged");
            return VinfraCli.OK;
        }
        AtomicFile.write(output, result.text());
        ModelSet written = Language.load(List.of(output));
        for (Problem problem : written.validate()) {
            out.println(problem.format());
        }
        out.flush();
        err.println("wrote " + output);
        return VinfraCli.OK;
    }

    private static boolean sameText(Path file, String text) {
        try {
            return Files.readString(file).equals(text);
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage(), VinfraCli.USAGE_OR_IO);
        }
    }
}
