package org.vinfra.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.lang.workspace.Problem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", description = {
        "Parses, links and validates .vinfra files (and the files they import).",
        "Prints FILE:LINE:COL: error|warning CODE: message for each problem.",
        "Exit code: 0 no errors, 1 errors found, 2 usage or I/O problem." })
final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .vinfra files to check.")
    private List<Path> files;

    @Option(names = "--warnings-as-errors", description = "Exit with 1 when there are warnings too.")
    private boolean warningsAsErrors;

    @Option(names = { "-q", "--quiet" }, description = "Print errors only, no warnings and no summary.")
    private boolean quiet;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ModelSet models = Language.load(files);
        List<Problem> problems = models.validate();
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        for (Problem problem : problems) {
            if (!quiet || problem.isError()) {
                out.println(problem.format());
            }
        }
        out.flush();
        List<String> internal = Logging.takeInternalErrors();
        if (!internal.isEmpty()) {
            throw new IllegalStateException("a validation rule failed, so the results above may be incomplete: " + internal.get(0));
        }
        if (!quiet) {
            err.println(files.size() + (files.size() == 1 ? " file" : " files") + ": " + errors + (errors == 1 ? " error" : " errors")
                    + ", " + warnings + (warnings == 1 ? " warning" : " warnings"));
        }
        return errors > 0 || (warningsAsErrors && warnings > 0) ? VinfraCli.MODEL_ERRORS : VinfraCli.OK;
    }
}
