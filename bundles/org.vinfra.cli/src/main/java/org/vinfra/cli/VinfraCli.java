package org.vinfra.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code vinfra}: the command line of the vinfra workbench. Its -h/--help and -V/--version are every
 * subcommand's too ({@code ./vinfra validate --help}). Exit codes: 0 success, 1 the models have
 * errors, 2 a usage or I/O problem. Never prints a stack trace (set VINFRA_DEBUG=1 to see one).
 */
@Command(name = "vinfra", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = VinfraCli.Version.class,
        description = "Checks, formats, exports, imports, simulates, draws and serves to editors .vinfra models of virtual infrastructure.")
public final class VinfraCli {

    /** The subcommands, in the order {@code vinfra --help} lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(ValidateCommand.class, FormatCommand.class, GenerateCommand.class,
            ImportCommand.class, SimulateCommand.class, DiagramCommand.class, LspCommand.class, BenchmarkCommand.class,
            CompletionCommand.class, StartupTrainingCommand.class, CommandLine.HelpCommand.class);

    public static final int OK = 0;
    public static final int MODEL_ERRORS = 1;
    public static final int USAGE_OR_IO = 2;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Logging.install();
        CommandLine commandLine = commandLineFor(args);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExitCodeExceptionMapper(exception -> USAGE_OR_IO);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof UserError userError) {
                err.println("vinfra: " + userError.getMessage());
                return userError.exitCode();
            }
            // Never Java's text (it may quote the files): what happened, and what the user can do.
            err.println("vinfra: internal error in '" + cmd.getCommandName() + "' (a fault of vinfra, not of your files). Run the command"
                    + " again with VINFRA_DEBUG=1 set to see the details and report them; meanwhile, simplifying the part of the file"
                    + " you last changed usually avoids it.");
            if (System.getenv("VINFRA_DEBUG") != null) {
                exception.printStackTrace(err);
            }
            return USAGE_OR_IO;
        });
        try {
            return commandLine.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            err.println("vinfra: the model is too large or too deeply nested to process: split it into several files, or give Java"
                    + " more memory (VINFRA_JAVA_OPTS=-Xmx4g) or stack (VINFRA_JAVA_OPTS=-Xss16m).");
            if (System.getenv("VINFRA_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return USAGE_OR_IO;
        }
    }

    /** The whole command line, every subcommand included: for help, completion and documentation checks. */
    static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS);
    }

    /**
     * The command line that runs {@code args}. Picocli builds a subcommand's model by reflection when it is
     * added, about 50 ms of start-up for all of them: when the first argument names a subcommand, only that
     * one is built.
     */
    private static CommandLine commandLineFor(String[] args) {
        if (args.length > 0) {
            for (Class<?> subcommand : SUBCOMMANDS) {
                Command command = subcommand.getAnnotation(Command.class);
                if (subcommand != CommandLine.HelpCommand.class
                        && (command.name().equals(args[0]) || Arrays.asList(command.aliases()).contains(args[0]))) {
                    return commandLine(List.of(subcommand));
                }
            }
        }
        return commandLine();
    }

    private static CommandLine commandLine(List<Class<?>> subcommands) {
        CommandLine commandLine = new CommandLine(new VinfraCli());
        subcommands.forEach(commandLine::addSubcommand);
        return commandLine;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = VinfraCli.class.getPackage().getImplementationVersion();
            return new String[] { "vinfra " + (version == null ? "(development build)" : version),
                    "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ", " + System.getProperty("java.home") + ")" };
        }
    }
}
