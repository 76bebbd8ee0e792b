package org.vinfra.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import org.vinfra.formats.CgroupVersion;
import org.vinfra.formats.ExportOptions;
import org.vinfra.formats.Exporter;
import org.vinfra.formats.GeneratedFiles;
import org.vinfra.formats.OutputWriter;
import org.vinfra.formats.Target;
import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.lang.workspace.Problem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "generate", description = {
        "Exports what real tools run: compose files, Dockerfiles, LXC configs and libvirt XML.",
        "A model with errors exports nothing (its diagnostics are printed); the output is written",
        "atomically: a failure leaves the previous output as it was.",
        "Exit code: 0 exported, 1 the models have errors, 2 usage or I/O problem." })
final class GenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .vinfra files to export.")
    private List<Path> files;

    @Option(names = { "-o", "--output" }, required = true, paramLabel = "DIR", description = "The folder to write into.")
    private Path output;

    @Option(names = { "-t", "--target" }, paramLabel = "LIST", defaultValue = "compose,dockerfile,lxc,libvirt",
            description = "Comma-separated: compose, dockerfile, lxc, libvirt (default: all).")
    private String targets;

    @Option(names = "--cgroup", paramLabel = "VERSION", defaultValue = "v2",
            description = "cgroup keys for LXC configs: v2 (default, lxc.cgroup2.*) or v1 (lxc.cgroup.*).")
    private String cgroup;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExportOptions options = new ExportOptions(parseTargets(), parseCgroup()).writingTo(output);
        ModelSet models = Language.load(files);
        List<Problem> problems = models.validate();
        for (Problem problem : problems) {
            out.println(problem.format());
        }
        out.flush();
        long errors = problems.stream().filter(Problem::isError).count();
        if (errors > 0) {
            err.println("vinfra: " + errors + (errors == 1 ? " error" : " errors") + " in the models: nothing exported");
            return VinfraCli.MODEL_ERRORS;
        }
        GeneratedFiles generated;
        try {
            generated = Exporter.export(models.models(), options);
        } catch (IllegalStateException e) {
            throw new UserError(e.getMessage(), VinfraCli.MODEL_ERRORS);
        }
        try {
            OutputWriter.Summary summary = OutputWriter.write(generated, output);
            err.printf(Locale.ROOT, "%s: %d written, %d unchanged, %d removed%n", output, summary.written().size(), summary.unchanged().size(),
                    summary.removed().size());
        } catch (IOException e) {
            throw new UserError("cannot write to " + output + ": " + e.getMessage() + " (the previous output is unchanged)", VinfraCli.USAGE_OR_IO);
        }
        return VinfraCli.OK;
    }

    private Set<Target> parseTargets() {
        try {
            Set<Target> parsed = Target.parse(targets);
            if (parsed.isEmpty()) {
                throw new UserError("--target names no target; the targets are compose, dockerfile, lxc, libvirt", VinfraCli.USAGE_OR_IO);
            }
            return EnumSet.copyOf(parsed);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), VinfraCli.USAGE_OR_IO);
        }
    }

    private CgroupVersion parseCgroup() {
        try {
            return CgroupVersion.parse(cgroup);
        } catch (IllegalArgumentException e) {
            throw new UserError("--cgroup: " + e.getMessage(), VinfraCli.USAGE_OR_IO);
        }
    }
}
