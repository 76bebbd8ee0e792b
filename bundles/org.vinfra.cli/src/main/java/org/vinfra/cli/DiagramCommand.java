package org.vinfra.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.vinfra.diagram.graph.DiagramArgs;
import org.vinfra.diagram.graph.DiagramTypes;
import org.vinfra.diagram.graph.TopologyDiagram;
import org.vinfra.diagram.graph.TopologyGraphBuilder;
import org.vinfra.diagram.svg.DiagramSvg;
import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.lang.workspace.Problem;
import org.vinfra.sim.engine.SimulationOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "diagram", description = {
        "Draws the topology of .vinfra models: hosts with their CPUs, memory and hypervisor, the VMs and containers on them,",
        "virtual networks and how everything connects; replicated elements once, with their count.",
        "Without --svg: opens the live diagram editor. Prints one line, the URL to open",
        "in a browser (http://127.0.0.1:PORT/?token=..., the token is required);",
        "follows the files as they change on disk, writes every diagram operation",
        "into them (atomically, one undo step each), stops on Ctrl+C. Problems go",
        "to standard error and show as markers. --expand applies to --svg only.",
        "--svg writes a standalone SVG (written atomically). Positions moved in a diagram editor, kept in",
        "FILE.vinfra.layout.json beside the first file, are used (never written by this command).",
        "Problems are printed as FILE:LINE:COL: error|warning CODE: message and drawn as badges; models with",
        "syntax errors are not drawn.",
        "--simulate (editor only): also simulates the models (as 'vinfra simulate' does, --for, --seed, --jitter)",
        "and shows the run over the diagram: hosts, VMs and containers coloured by CPU and memory load at the time",
        "picked on a slider, the problems found as badges on their elements; simulated again when the text changes.",
        "Exit code: 0 drawn, no errors; 1 the models have errors; 2 usage or I/O problem." })
final class DiagramCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .vinfra files to draw together (with the files they import).")
    private List<Path> files;

    @Option(names = "--svg", paramLabel = "OUT.svg", description = "Write the diagram to this SVG file.")
    private Path svg;

    @Option(names = "--port", paramLabel = "PORT", description = "With the editor: the port on 127.0.0.1 (default: 0, any free port).")
    private int port;

    @Option(names = { "-e", "--expand" }, split = ",", paramLabel = "ID",
            description = "Replicated elements to draw expanded into their replicas, by diagram id (vm:web, host:rack), or 'all'.")
    private List<String> expand = new ArrayList<>();

    @Option(names = "--simulate", description = "With the editor: show a simulation of the models over the diagram, run again when the text changes.")
    private boolean simulate;

    @Option(names = "--for", paramLabel = "DURATION", parameterConsumer = SimulateCommand.DurationConsumer.class,
            description = "With --simulate: how long to simulate, e.g. 90 s, 10 min, \"8 min\" (default: 10 min).")
    private String duration;

    @Option(names = "--seed", paramLabel = "N", description = "With --simulate: the seed of the boot-time jitter (default: 1).")
    private Long seed;

    @Option(names = "--jitter", paramLabel = "F", description = "With --simulate: boot times vary by +/- half this fraction (default: 0, none).")
    private Double jitter;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!simulate && (duration != null || seed != null || jitter != null)) {
            throw new UserError((duration != null ? "--for" : seed != null ? "--seed" : "--jitter")
                    + " sets up the simulation shown over the diagram: add --simulate", VinfraCli.USAGE_OR_IO);
        }
        if (simulate && svg != null) {
            throw new UserError("--simulate shows a simulation in the live editor; an SVG has no time slider: leave out --svg (or --simulate)",
                    VinfraCli.USAGE_OR_IO);
        }
        if (svg == null) {
            SimulationOptions options = null;
            if (simulate) {
                options = SimulationOptions.defaults(SimulateCommand.seconds(duration == null ? "10 min" : duration))
                        .withJitter(seed == null ? 1 : seed, jitter == null ? 0 : jitter);
            }
            return DiagramServing.serve(files, port, options, out, err);
        }
        Logging.takeInternalErrors(); // what earlier commands in this process logged is not ours
        ModelSet models = Language.load(files);
        List<Problem> problems = models.validate();
        for (Problem problem : problems) {
            out.println(problem.format());
        }
        out.flush();
        List<String> internal = Logging.takeInternalErrors();
        if (!internal.isEmpty()) {
            throw new IllegalStateException("a validation rule failed, so the results above may be incomplete: " + internal.get(0));
        }
        long errors = problems.stream().filter(Problem::isError).count();
        if (!DiagramSvg.drawable(problems)) {
            err.println("vinfra: the models have syntax errors (listed above): nothing drawn");
            return VinfraCli.MODEL_ERRORS;
        }
        List<String> expanded = expand;
        if (expand.contains("all")) {
            expanded = List.copyOf(TopologyGraphBuilder.replicatedIds(new TopologyGraphBuilder().build(models, problems)));
        }
        DiagramSvg.Result result = DiagramSvg.render(models, problems, expanded, files.get(0), files.get(0).getFileName().toString());
        result.sidecarProblem().ifPresent(problem -> err.println("vinfra: the saved positions are not used: " + problem));
        AtomicFile.write(svg, result.svg());
        err.println("wrote " + svg + " (" + summary(result.diagram()) + (errors > 0 ? "; " + errors + (errors == 1 ? " error" : " errors") : "") + ")");
        return errors > 0 ? VinfraCli.MODEL_ERRORS : VinfraCli.OK;
    }

    /** "1 host, 22 VMs, 1 network": what the models declare (replicas counted), not the nodes drawn. */
    static String summary(TopologyDiagram diagram) {
        List<String> parts = new ArrayList<>();
        count(parts, diagram, DiagramTypes.HOST, "host", "hosts");
        count(parts, diagram, DiagramTypes.VM, "VM", "VMs");
        count(parts, diagram, DiagramTypes.CONTAINER, "container", "containers");
        count(parts, diagram, DiagramTypes.COMPOSE, "compose deployment", "compose deployments");
        count(parts, diagram, DiagramTypes.NETWORK, "network", "networks");
        return parts.isEmpty() ? "nothing to draw" : String.join(", ", parts);
    }

    private static void count(List<String> parts, TopologyDiagram diagram, String type, String one, String many) {
        long count = 0;
        for (var element : diagram.elements().values()) {
            if (type.equals(element.getType()) && !element.getArgs().containsKey(DiagramArgs.REPLICA_OF)) {
                count += element.getArgs().get(DiagramArgs.REPLICAS) instanceof Integer replicas ? replicas : 1;
            }
        }
        if (count > 0) {
            parts.add(String.format(Locale.ROOT, "%d %s", count, count == 1 ? one : many));
        }
    }
}
