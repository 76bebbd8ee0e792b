package org.vinfra.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import org.vinfra.diagram.svg.DiagramSvg;
import org.vinfra.formats.ExportOptions;
import org.vinfra.formats.Exporter;
import org.vinfra.formats.GeneratedFiles;
import org.vinfra.formats.OutputWriter;
import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.lang.workspace.Problem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "benchmark", description = {
        "Generates a data-centre model and times it: warm-up rounds first, then measured rounds.",
        "  language: parse + link + validate 2,000 hosts and 20,000 VMs (about 140,000 lines);",
        "  export:   export 10,000 containers and 2,000 VMs (in memory, then written to disk);",
        "  simulation: the event core's rate, then CloudSim Plus's scenario (20,000 hosts, 40,000 VMs, 50,000 workloads)",
        "              built in memory and from a .vinfra file, at full scale and 10x and 100x smaller;",
        "  editing:  what an editor does after a keystroke in a 5,000-line file: re-parse, link and validate it;",
        "  startup:  whole processes: a bare JVM, ./vinfra validate on an example, ./vinfra lsp answering initialize;",
        "  diagram:  draw a course lab and the data centre (graph, layout, SVG), the first time and warm;",
        "            then diagram operations in the live editor on the lab, to the file written and to the diagram redrawn;",
        "  import:   a 5,000-service compose file, then 1,000 files (compose, Dockerfiles, LXC configs), each into a validated model." },
        subcommands = { BenchmarkCommand.Language.class, BenchmarkCommand.Export.class, BenchmarkCommand.Simulation.class,
                BenchmarkCommand.Editing.class, StartupBenchmark.class, BenchmarkCommand.Diagram.class,
                BenchmarkCommand.Import.class })
final class BenchmarkCommand {

    abstract static class Rounds implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--warmup", defaultValue = "3", description = "Unmeasured rounds (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--rounds", defaultValue = "5", description = "Measured rounds (default: ${DEFAULT-VALUE}).")
        int rounds;

        /** Runs the rounds of one measured step; the step returns what to print after its time. */
        void measure(PrintWriter out, String what, LongSupplier step) {
            List<Long> times = new ArrayList<>();
            for (int round = 0; round < warmup + rounds; round++) {
                long start = System.nanoTime();
                long result = step.getAsLong();
                long millis = (System.nanoTime() - start) / 1_000_000;
                if (round >= warmup) {
                    times.add(millis);
                }
                out.printf(Locale.ROOT, "%s %d: %s %d ms (%d)%n", round < warmup ? "warm-up" : "round", round + 1, what, millis, result);
                out.flush();
            }
            Collections.sort(times);
            out.printf(Locale.ROOT, "%s, warm: median %d ms, best %d ms, worst %d ms over %d rounds%n", what, times.get(times.size() / 2),
                    times.get(0), times.get(times.size() - 1), times.size());
        }

        static void printHeap(PrintWriter out) {
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            out.printf(Locale.ROOT, "peak heap used: %d MiB (max heap %d MiB)%n", peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
        }

        static ModelSet load(Path file, String text, PrintWriter out) throws IOException {
            Files.writeString(file, text);
            out.printf(Locale.ROOT, "model: %d lines (%d KiB)%n", text.lines().count(), text.length() / 1024);
            return org.vinfra.cli.Language.load(List.of(file));
        }

        static void delete(Path folder) throws IOException {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Command(name = "language", description = "Parse, link and validate a generated model.")
    static final class Language extends Rounds {
        @Option(names = "--hosts", defaultValue = "2000", description = "Hosts (default: ${DEFAULT-VALUE}).")
        int hosts;

        @Option(names = "--vms", defaultValue = "20000", description = "VMs (default: ${DEFAULT-VALUE}).")
        int vms;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            Path dir = Files.createTempDirectory("vinfra-benchmark");
            try {
                Path file = dir.resolve("datacenter.vinfra");
                Files.writeString(file, DatacenterGenerator.generate(hosts, vms));
                out.printf(Locale.ROOT, "model: %d hosts, %d VMs, %d lines%n", hosts, vms, Files.readAllLines(file).size());
                measure(out, "parse+link+validate", () -> {
                    ModelSet models = org.vinfra.cli.Language.load(List.of(file));
                    List<Problem> problems = models.validate();
                    return problems.size();
                });
                printHeap(out);
            } finally {
                delete(dir);
            }
            return VinfraCli.OK;
        }
    }

    @Command(name = "export", description = "Export a generated model with many containers and VMs.")
    static final class Export extends Rounds {
        @Option(names = "--vms", defaultValue = "2000", description = "VMs (default: ${DEFAULT-VALUE}).")
        int vms;

        @Option(names = "--lxc", defaultValue = "2000", description = "LXC containers (default: ${DEFAULT-VALUE}).")
        int lxc;

        @Option(names = "--compose", defaultValue = "500", description = "Compose deployments (default: ${DEFAULT-VALUE}).")
        int deployments;

        @Option(names = "--services", defaultValue = "16", description = "Services per deployment (default: ${DEFAULT-VALUE}).")
        int services;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            Path dir = Files.createTempDirectory("vinfra-benchmark");
            try {
                int hosts = Math.max(1, vms / 10);
                ModelSet models = load(dir.resolve("datacenter.vinfra"), DatacenterGenerator.generate(hosts, vms, lxc, deployments, services), out);
                long errors = models.validate().stream().filter(Problem::isError).count();
                out.printf(Locale.ROOT, "%d hosts, %d VMs, %d containers (%d LXC, %d compose services); %d errors%n", hosts, vms,
                        lxc + deployments * services, lxc, deployments * services, errors);
                ExportOptions options = ExportOptions.all();
                measure(out, "export in memory (files)", () -> Exporter.export(models.models(), options).size());
                int[] round = { 0 };
                measure(out, "export and write to a new folder (files written)", () -> {
                    GeneratedFiles files = Exporter.export(models.models(), options);
                    try {
                        return OutputWriter.write(files, dir.resolve("out" + round[0]++)).written().size();
                    } catch (IOException e) {
                        throw new UserError("cannot write the benchmark output: " + e.getMessage(), VinfraCli.USAGE_OR_IO);
                    }
                });
                printHeap(out);
            } finally {
                delete(dir);
            }
            return VinfraCli.OK;
        }
    }

    @Command(name = "simulation", description = "The event core's rate, and the CloudSim Plus scale scenario.")
    static final class Simulation extends Rounds {
        @Option(names = "--events", defaultValue = "5000000", description = "Events per round of the core benchmark (default: ${DEFAULT-VALUE}).")
        int events;

        @Option(names = "--scale", split = ",", defaultValue = "1,0.1,0.01", description = "Scenario sizes as fractions (default: ${DEFAULT-VALUE}).")
        List<Double> scales;

        @Option(names = "--sharing", split = ",", defaultValue = "1000,5000,20000,100000",
                description = "Numbers of workloads of distinct lengths on one VM, timed one after the other (default: ${DEFAULT-VALUE}).")
        List<Integer> sharing;

        @Option(names = "--capacity", paramLabel = "HOSTS:VMS", description = "Also a data centre at capacity, e.g. 100000:1000000 (run it with"
                + " VINFRA_JAVA_OPTS=-Xmx8g): run time and heap per VM.")
        String capacity;

        @Option(names = "--parts", split = ",", defaultValue = "core,scenario,sharing",
                description = "What to time: core, scenario, sharing (default: ${DEFAULT-VALUE}).")
        List<String> parts;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            for (String part : parts) {
                if (!List.of("core", "scenario", "sharing").contains(part)) {
                    throw new UserError("--parts: '" + part + "' is none of core, scenario, sharing", VinfraCli.USAGE_OR_IO);
                }
            }
            if (parts.contains("core")) {
                measure(out, "event core: events", () -> SimulationBenchmarks.coreEvents(events));
            }
            if (parts.contains("sharing")) {
                for (int n : sharing) {
                    measure(out, String.format(Locale.ROOT, "processor sharing, %,d workloads of distinct lengths on one VM (finished)", n),
                            () -> SimulationBenchmarks.sharing(n));
                }
            }
            if (capacity != null) {
                String[] sizes = capacity.split(":");
                if (sizes.length != 2 || !sizes[0].matches("[0-9]+") || !sizes[1].matches("[0-9]+")) {
                    throw new UserError("--capacity is HOSTS:VMS, e.g. 100000:1000000, not '" + capacity + "'", VinfraCli.USAGE_OR_IO);
                }
                out.println("data centre at capacity (48 cores, 128 GiB per host; 4 vCPUs, 8 GiB per VM):");
                SimulationBenchmarks.capacity(Integer.parseInt(sizes[0]), Integer.parseInt(sizes[1]), out);
                printHeap(out);
            }
            for (double scale : parts.contains("scenario") ? scales : List.<Double>of()) {
                int hosts = (int) Math.round(20_000 * scale);
                int vms = (int) Math.round(40_000 * scale);
                int workloads = (int) Math.round(50_000 * scale);
                out.printf(Locale.ROOT, "scenario x%s: %d hosts (8 cores), %d VMs (4 vCPUs, 2 GiB), %d workloads (2 threads x 10,000 MI)%n", scale,
                        hosts, vms, workloads);
                measure(out, "engine, model built in memory (workloads finished)",
                        () -> SimulationBenchmarks.inMemory(hosts, vms, workloads));
                Path dir = Files.createTempDirectory("vinfra-benchmark");
                try {
                    Path file = dir.resolve("scenario.vinfra");
                    Files.writeString(file, SimulationBenchmarks.scenarioText(hosts, vms, workloads));
                    measure(out, "end to end from .vinfra: parse, validate, map, simulate (workloads finished)",
                            () -> SimulationBenchmarks.fromFile(file));
                } finally {
                    delete(dir);
                }
            }
            printHeap(out);
            return VinfraCli.OK;
        }
    }

    @Command(name = "diagram", description = {
            "The topology diagram, as vinfra diagram --svg draws it: graph, layout and SVG, timed after the models are loaded",
            "and validated (timed apart). First a course lab, then the data centre of 'benchmark language' (2,000 hosts,",
            "20,000 VMs), then the same with its VMs declared as replicas (collapsed: one node per host's group)." })
    static final class Diagram extends Rounds {
        @Option(names = "--lab", paramLabel = "FILE", defaultValue = "examples/virtualbox-laptop-lab.vinfra",
                description = "The lab to draw (default: ${DEFAULT-VALUE}).")
        Path lab;

        @Option(names = "--hosts", defaultValue = "2000", description = "Hosts (default: ${DEFAULT-VALUE}).")
        int hosts;

        @Option(names = "--vms", defaultValue = "20000", description = "VMs (default: ${DEFAULT-VALUE}).")
        int vms;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            if (!Files.isRegularFile(lab)) {
                throw new UserError("--lab: " + lab + ": no such file (run from the repository, or give a lab with --lab)", VinfraCli.USAGE_OR_IO);
            }
            Path dir = Files.createTempDirectory("vinfra-benchmark");
            try {
                Path datacenter = dir.resolve("datacenter.vinfra");
                Files.writeString(datacenter, DatacenterGenerator.generate(hosts, vms));
                Path replicated = dir.resolve("replicated.vinfra");
                Files.writeString(replicated, DatacenterGenerator.generateReplicated(hosts, vms));
                List<Drawing> drawings = List.of(new Drawing("lab " + lab.getFileName(), lab), new Drawing(hosts + " hosts, " + vms + " VMs", datacenter),
                        new Drawing(hosts + " hosts, " + vms + " VMs as replicas (collapsed)", replicated));
                for (Drawing drawing : drawings) {
                    long start = System.nanoTime();
                    ModelSet models = org.vinfra.cli.Language.load(List.of(drawing.file));
                    List<Problem> problems = models.validate();
                    long loaded = System.nanoTime();
                    DiagramSvg.Result first = DiagramSvg.render(models, problems, List.of(), null, drawing.file.getFileName().toString());
                    long drawn = System.nanoTime();
                    out.printf(Locale.ROOT, "%s: %d lines; load + validate %d ms; first render (graph + layout + SVG) %d ms: %s, %d elements,"
                            + " layout %s, SVG %d KiB%n", drawing.name, Files.readAllLines(drawing.file).size(), (loaded - start) / 1_000_000,
                            (drawn - loaded) / 1_000_000, DiagramCommand.summary(first.diagram()), first.diagram().elements().size(),
                            first.layout().strategy(), first.svg().length() / 1024);
                    out.flush();
                    drawing.models = models;
                    drawing.problems = problems;
                }
                for (Drawing drawing : drawings) {
                    measure(out, "render " + drawing.name + " (SVG bytes)",
                            () -> DiagramSvg.render(drawing.models, drawing.problems, List.of(), null, "benchmark").svg().length());
                }
                // the live editor: an operation from its arrival at the GLSP server to the file written
                try {
                    org.vinfra.diagram.server.OperationBenchmark.run(org.vinfra.cli.Language.injector(), lab, warmup, rounds, out);
                } catch (Exception e) {
                    throw new IllegalStateException("the diagram operations benchmark failed: " + e, e);
                }
                printHeap(out);
            } finally {
                delete(dir);
            }
            return VinfraCli.OK;
        }

        private static final class Drawing {
            final String name;
            final Path file;
            ModelSet models;
            List<Problem> problems;

            Drawing(String name, Path file) {
                this.name = name;
                this.file = file;
            }
        }
    }

    @Command(name = "editing", description = "Diagnostics after a keystroke in a 5,000-line file (parse, link, validate the edited text).")
    static final class Editing extends Rounds {
        @Option(names = "--lines", defaultValue = "5000", description = "Lines of the file (default: ${DEFAULT-VALUE}).")
        int lines;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            int hosts = Math.max(1, lines / 55);
            String text = DatacenterGenerator.generate(hosts, hosts * 10);
            out.printf(Locale.ROOT, "file: %d lines; each round types one character into it and asks for its diagnostics%n", text.lines().count());
            int[] round = { 0 };
            measure(out, "diagnostics after a keystroke (problems)", () -> {
                // a keystroke: the memory of one VM changes by one digit, as when the user types
                String edited = text.replaceFirst("memory 16 GiB", "memory 1" + (round[0]++ % 10) + " GiB");
                ModelSet models = org.vinfra.cli.Language.injector().getInstance(ModelSet.class);
                try {
                    models.loadText("edited.vinfra", edited);
                } catch (IOException e) {
                    throw new UserError(e.getMessage(), VinfraCli.USAGE_OR_IO);
                }
                return models.validate().size();
            });
            return VinfraCli.OK;
        }
    }

    @Command(name = "import", description = "Import a 5,000-service compose file, then 1,000 files of the three formats (parse, convert, write, validate).")
    static final class Import extends Rounds {
        @Option(names = "--services", defaultValue = "5000", description = "Services of the large compose file (default: ${DEFAULT-VALUE}).")
        int services;

        @Option(names = "--files", defaultValue = "1000", description = "Files of the many-files import (default: ${DEFAULT-VALUE}).")
        int files;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            Path dir = Files.createTempDirectory("vinfra-benchmark");
            try {
                org.vinfra.formats.Importer importer = org.vinfra.cli.Language.injector().getInstance(org.vinfra.formats.Importer.class);
                Path large = dir.resolve("large").resolve("compose.yaml");
                Files.createDirectories(large.getParent());
                String text = ImportCorpusGenerator.composeFile(services);
                Files.writeString(large, text);
                out.printf(Locale.ROOT, "compose file: %d services, %d lines (%d KiB)%n", services, text.lines().count(), text.length() / 1024);
                measure(out, "import of the large compose file (model lines)", () -> lines(importer, List.of(large), dir.resolve("large.vinfra")));
                List<Path> inputs = ImportCorpusGenerator.files(dir.resolve("many"), files);
                out.printf(Locale.ROOT, "%d files: %d compose files, %d Dockerfiles, %d LXC configs (legacy keys)%n", inputs.size(), (files + 2) / 3,
                        (files + 1) / 3, files / 3);
                measure(out, "import of the files into one model (model lines)", () -> lines(importer, inputs, dir.resolve("many.vinfra")));
                printHeap(out);
            } finally {
                delete(dir);
            }
            return VinfraCli.OK;
        }

        private static long lines(org.vinfra.formats.Importer importer, List<Path> inputs, Path model) {
            try {
                org.vinfra.formats.Importer.Result result = importer.read(inputs, model, java.util.Map.of());
                if (result.report().hasErrors()) {
                    throw new UserError("the benchmark's input does not import: " + result.report().problems().stream().filter(Problem::isError)
                            .findFirst().map(Problem::format).orElse(""), VinfraCli.MODEL_ERRORS);
                }
                return result.text().lines().count();
            } catch (IOException e) {
                throw new UserError("cannot read the benchmark's input: " + e.getMessage(), VinfraCli.USAGE_OR_IO);
            }
        }
    }
}
