package org.vinfra.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.eclipse.xtext.resource.XtextResource;
import org.vinfra.lang.workspace.ModelFormatter;
import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.lang.workspace.Problem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "format", description = {
        "Formats .vinfra files in place (comments are kept).",
        "A file with syntax errors is left untouched: its errors are printed as FILE:LINE:COL: error CODE: message.",
        "Exit code: 0 done (or, with --check, already formatted), 1 a file has syntax errors or (with --check) needs formatting,",
        "2 usage or I/O problem." })
final class FormatCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .vinfra files to format.")
    private List<Path> files;

    @Option(names = "--check", description = "Change nothing; list the files that are not formatted.")
    private boolean check;

    @Option(names = "--stdout", description = "Print the formatted text instead of writing the files.")
    private boolean toStdout;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ModelSet models = Language.load(files);
        ModelFormatter formatter = Language.injector().getInstance(ModelFormatter.class);
        int exit = VinfraCli.OK;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            XtextResource resource = (XtextResource) models.resourceSet().getResource(
                    org.eclipse.emf.common.util.URI.createFileURI(file.toAbsolutePath().normalize().toString()), false);
            if (resource == null || resource.getContents().isEmpty()) {
                continue;
            }
            String before = resource.getParseResult().getRootNode().getText();
            String after;
            try {
                after = formatter.format(resource);
            } catch (ModelFormatter.SyntaxErrorsException e) {
                for (Problem problem : ModelFormatter.syntaxErrors(file, resource)) {
                    out.println(problem.format());
                }
                err.println("vinfra: " + file + " not formatted: it has syntax errors (above), and formatting around one could change what"
                        + " the text means; fix them first");
                exit = VinfraCli.MODEL_ERRORS;
                continue;
            }
            if (toStdout) {
                out.print(after);
            } else if (check) {
                if (!after.equals(before)) {
                    out.println(file + ": not formatted");
                    exit = VinfraCli.MODEL_ERRORS;
                }
            } else if (!after.equals(before)) {
                AtomicFile.write(file, after);
                err.println("formatted " + file);
            }
        }
        out.flush();
        return exit;
    }
}
