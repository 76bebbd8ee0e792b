package org.vinfra.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Stack;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import org.vinfra.lang.model.Units;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.lang.workspace.Problem;
import org.vinfra.sim.engine.SimulationOptions;
import org.vinfra.sim.engine.StackSimulation;
import org.vinfra.sim.entities.SimModel;
import org.vinfra.sim.lang.ModelToSimulation;
import org.vinfra.sim.results.HtmlReport;
import org.vinfra.sim.results.JsonReport;
import org.vinfra.sim.results.SimulationResult;
import org.vinfra.sim.results.Sweep;
import org.vinfra.sim.results.SweepReport;
import org.vinfra.sim.results.TextReport;

import java.util.Stack;

import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "simulate", description = {
        "Runs the model before anything is deployed: boot, CPU scheduling, memory pressure, the network, containers and faults.",
        "Prints (or writes) a timeline, time series and the problems found. Ctrl-C stops the run and keeps what was simulated.",
        "Exit code: 0 simulated, 1 the models have errors (or, with --fail-on, problems of that severity were found),",
        "2 usage or I/O problem." })
final class SimulateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .vinfra files to simulate together.")
    private List<Path> files;

    @Option(names = "--for", paramLabel = "DURATION", defaultValue = "10 min", parameterConsumer = DurationConsumer.class,
            description = "How long to simulate, e.g. 90 s, 10 min, \"8 min\" (default: ${DEFAULT-VALUE}).")
    private String duration;

    @Option(names = "--seed", defaultValue = "1", description = "The seed of the boot-time jitter (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--jitter", defaultValue = "0", description = "Boot times vary by +/- half this fraction (default: ${DEFAULT-VALUE}: none).")
    private double jitter;

    @Option(names = "--format", defaultValue = "text", description = "text, json or html (default: ${DEFAULT-VALUE}).")
    private String format;

    @Option(names = { "-o", "--output" }, paramLabel = "FILE", description = "Write the report here instead of printing it.")
    private Path output;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "Exit with 1 when problems of this severity (error or warning) are found.")
    private String failOn;

    @Option(names = "--sweep", paramLabel = "PARAMETER=VALUES", description = {
            "What-if: run the model once per combination of values, in parallel, and report one row per run (repeatable).",
            "Parameters: overcommit.cpu, overcommit.memory, replicas.NAME, seed, jitter; values: 1.0,2.0,4.0 or 2..8 (docs/simulation.md)." })
    private List<String> sweeps = List.of();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        double seconds = parseDuration();
        if (!List.of("text", "json", "html").contains(format)) {
            throw new UserError("--format is text, json or html, not '" + format + "'", VinfraCli.USAGE_OR_IO);
        }
        if (failOn != null && !List.of("error", "warning").contains(failOn)) {
            throw new UserError("--fail-on is error or warning, not '" + failOn + "'", VinfraCli.USAGE_OR_IO);
        }
        ModelSet models = Language.load(files);
        if (!sweeps.isEmpty()) {
            List<Problem> problems = models.validate();
            return hasErrors(problems, out, err) ? VinfraCli.MODEL_ERRORS : sweep(models.modelsWithImports(), seconds, out, err);
        }
        // Validation and the simulation overlap: once the model is linked and mapped (the engine holds none of
        // EMF's objects), the engine runs on another thread while this one validates. With errors the run is told
        // to stop and left behind (a daemon thread: whatever an invalid model makes it do, the answer comes as soon
        // as validation has found the errors), and nothing of it is reported, as if it had never started. On a
        // data-centre model this takes validation, about a tenth of the whole process, off the run.
        models.resolve();
        SimModel model;
        StackSimulation simulation;
        try {
            model = ModelToSimulation.map(models.modelsWithImports());
            simulation = new StackSimulation(model, SimulationOptions.defaults(seconds).withJitter(seed, jitter));
        } catch (RuntimeException fault) {
            if (hasErrors(models.validate(), out, err)) {
                return VinfraCli.MODEL_ERRORS;
            }
            throw fault;
        }
        FutureTask<SimulationResult> running = new FutureTask<>(() -> runInterruptibly(simulation, seconds, err));
        Thread engine = new Thread(running, "vinfra-simulate");
        engine.setDaemon(true);
        engine.start();
        if (hasErrors(models.validate(), out, err)) {
            simulation.requestStop();
            answered.countDown();
            return VinfraCli.MODEL_ERRORS;
        }
        SimulationResult result = simulated(running);
        String report = switch (format) {
            case "json" -> JsonReport.write(result);
            case "html" -> HtmlReport.write(result, "vinfra simulation of " + files.get(0).getFileName(), HtmlReport.capacities(model));
            default -> TextReport.write(result);
        };
        if (output == null) {
            out.print(report);
            out.flush();
        } else {
            AtomicFile.write(output, report);
            err.println("wrote " + output);
        }
        answered.countDown();
        long eventLimit = Math.max(1, Long.getLong(org.vinfra.sim.core.Simulation.EVENT_LIMIT_PROPERTY, 100_000_000L));
        if ("stopped".equals(result.run().outcome()) && result.run().events() >= eventLimit) {
            err.printf(Locale.ROOT, "vinfra: the simulation stopped after %,d events at %.1f s of %.1f s (%s): the results cover the time"
                    + " simulated. Simulate a shorter time (--for), or raise the limit with VINFRA_JAVA_OPTS=-D%s=N%n", result.run().events(),
                    result.run().endedAt(), seconds, org.vinfra.sim.core.Simulation.EVENT_LIMIT_PROPERTY,
                    org.vinfra.sim.core.Simulation.EVENT_LIMIT_PROPERTY);
        } else if ("stopped".equals(result.run().outcome())) {
            err.printf(Locale.ROOT, "vinfra: stopped at %.1f s of %.1f s; the results cover the time simulated%n", result.run().endedAt(), seconds);
        }
        boolean failing = "error".equals(failOn) && result.count(SimulationResult.Severity.ERROR) > 0
                || "warning".equals(failOn) && result.problems().stream().anyMatch(p -> p.severity() != SimulationResult.Severity.INFO);
        return failing ? VinfraCli.MODEL_ERRORS : VinfraCli.OK;
    }

    /** Prints the errors among the problems and says that nothing was simulated; true when there are any. */
    private static boolean hasErrors(List<Problem> problems, PrintWriter out, PrintWriter err) {
        long errors = problems.stream().filter(Problem::isError).count();
        if (errors > 0) {
            problems.stream().filter(Problem::isError).forEach(p -> out.println(p.format()));
            out.flush();
            err.println("vinfra: " + errors + (errors == 1 ? " error" : " errors") + " in the models: nothing simulated");
        }
        return errors > 0;
    }

    /** The engine thread's result; its faults are this thread's. */
    private static SimulationResult simulated(FutureTask<SimulationResult> running) throws InterruptedException {
        try {
            return running.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The what-if sweep: one run per combination, in parallel, one table (text), one page (html) or one document (json). */
    private int sweep(List<Model> models, double seconds, PrintWriter out, PrintWriter err) throws InterruptedException {
        SweepPlan plan = SweepPlan.parse(sweeps, models, jitter);
        long start = System.nanoTime();
        Sweep sweep = plan.run(models, SimulationOptions.defaults(seconds).withJitter(seed, jitter), jitter);
        String title = String.format(Locale.ROOT, "vinfra sweep of %s: %d runs of %.1f s each (%d in parallel, %.1f s)", files.get(0).getFileName(),
                sweep.runs().size(), seconds, Math.min(sweep.runs().size(), Runtime.getRuntime().availableProcessors()),
                (System.nanoTime() - start) / 1e9);
        String report = switch (format) {
            case "json" -> SweepReport.json(sweep);
            case "html" -> SweepReport.html(sweep, title);
            default -> SweepReport.text(sweep, title);
        };
        if (output == null) {
            out.print(report);
            out.flush();
        } else {
            AtomicFile.write(output, report);
            err.println("wrote " + output);
        }
        boolean failing = "error".equals(failOn) && sweep.runs().stream().anyMatch(r -> r.errors() > 0)
                || "warning".equals(failOn) && sweep.runs().stream().anyMatch(r -> r.errors() + r.warnings() > 0);
        return failing ? VinfraCli.MODEL_ERRORS : VinfraCli.OK;
    }

    /**
     * Runs on this thread; Ctrl-C (a shutdown hook) asks the run to stop and waits until {@link #answered} (the
     * partial results printed, or the model's errors).
     */
    private SimulationResult runInterruptibly(StackSimulation simulation, double seconds, PrintWriter err) throws InterruptedException {
        CountDownLatch reported = answered;
        Thread hook = new Thread(() -> {
            simulation.requestStop();
            try {
                reported.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "vinfra-simulate-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Progress progress = new Progress(seconds, Progress.onATerminal());
        try {
            SimulationResult result = simulation.run(progress::update);
            progress.done();
            return result;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C, or the JVM ending after the model's errors: the hook waits for the answer
            }
        }
    }

    /** Counted down once the report or the model's errors are out, so that a Ctrl-C lets them be printed before the JVM exits. */
    private final CountDownLatch answered = new CountDownLatch(1);

    /**
     * Reads a duration written as one argument ({@code --for "8 min"}, {@code --for 8min}) or as two
     * ({@code --for 8 min}): the next argument is taken as the unit when it is one of {@link Units#DURATION}'s.
     */
    static final class DurationConsumer implements IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
            if (args.isEmpty()) {
                throw new ParameterException(commandSpec.commandLine(), "--for needs a duration, e.g. --for 8 min");
            }
            String value = args.pop();
            if (!args.isEmpty() && value.matches("[0-9.]+") && isDurationUnit(args.peek())) {
                value = value + " " + args.pop();
            }
            argSpec.setValue(value);
        }

        private static boolean isDurationUnit(String word) {
            for (String unit : Units.DURATION.unitNames()) {
                if (unit.equals(word)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The longest run: a year, in seconds. */
    static final double MAX_SECONDS = 365 * 24 * 3600.0;

    private double parseDuration() {
        return seconds(duration);
    }

    /** A --for argument in seconds; a usage error saying why when it is not a duration above 0. */
    static double seconds(String duration) {
        try {
            double seconds = Units.DURATION.parse(duration) / 1000.0;
            if (seconds <= 0) {
                throw new IllegalArgumentException("a run lasts more than 0 s");
            }
            if (seconds > MAX_SECONDS) {
                throw new IllegalArgumentException("a run lasts at most " + (long) (MAX_SECONDS / 3600) + " h (a year), not " + duration
                        + ": the simulator models minutes to days of a stack; simulate a shorter time");
            }
            return seconds;
        } catch (IllegalArgumentException e) {
            throw new UserError("--for: " + e.getMessage(), VinfraCli.USAGE_OR_IO);
        }
    }

    /** A progress bar on standard error when the user sits at a terminal, shown once a run has taken more than a second. */
    private static final class Progress {
        private final double total;
        private final boolean terminal;
        private final long start = System.nanoTime();
        private boolean shown;

        Progress(double total, boolean terminal) {
            this.total = total;
            this.terminal = terminal;
        }

        /** A console that is a terminal (Java 22+ says so with isTerminal(); before, a console exists only on one). */
        static boolean onATerminal() {
            Console console = System.console();
            if (console == null) {
                return false;
            }
            try {
                return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
            } catch (ReflectiveOperationException e) {
                return true;
            }
        }

        void update(double now) {
            if (!terminal || System.nanoTime() - start < 1_000_000_000L) {
                return;
            }
            shown = true;
            int width = 30;
            int filled = (int) Math.round(width * Math.min(1, now / total));
            System.err.printf(Locale.ROOT, "\rsimulating [%s%s] %3.0f%% (%.0f of %.0f s)", "#".repeat(filled), " ".repeat(width - filled),
                    100 * now / total, now, total);
            System.err.flush();
        }

        void done() {
            if (shown) {
                System.err.print("\r" + " ".repeat(70) + "\r");
                System.err.flush();
            }
        }
    }
}
