package org.vinfra.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.vinfra.cli.VinfraCli;
import org.vinfra.lang.VinfraStandaloneSetup;
import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.sim.engine.SimulationOptions;
import org.vinfra.sim.engine.StackSimulation;
import org.vinfra.sim.entities.SimModel;
import org.vinfra.sim.lang.ModelToSimulation;
import org.vinfra.sim.policies.VirtualizationCost;
import org.vinfra.sim.results.SimulationResult;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Runs CloudSim Plus 8.5.7 and vinfra on CloudSim Plus's performance scenario ({@link Scenario}) in
 * one run: each as a whole process (CloudSim Plus's program; {@code ./vinfra simulate} on the scenario
 * written as a .vinfra file), then warm in this JVM; checks that they agree where their models
 * coincide (how long each workload runs) and prints the ratios.
 * <p>
 * Usage: {@code releng/org.vinfra.benchmarks/run [--rounds N] [--divisor D]}: N measured rounds of
 * each (default 3; the warm ones after 2 unmeasured), the scenario divided by D (default 1).
 */
public final class CompareWithCloudSimPlus {

    private final Path root = Path.of(System.getProperty("vinfra.root", ".")).toAbsolutePath().normalize();
    private final PrintWriter out = new PrintWriter(System.out, true);
    private int rounds = 3;
    /** The whole processes' times, one list per step, in the order of the rounds. */
    private final List<List<Long>> roundTimes = new ArrayList<>();
    private int divisor = 1;

    private CompareWithCloudSimPlus() {
    }

    public static void main(String[] args) throws Exception {
        CompareWithCloudSimPlus benchmark = new CompareWithCloudSimPlus();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> benchmark.rounds = Integer.parseInt(args[++i]);
                case "--divisor" -> benchmark.divisor = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: run [--rounds N] [--divisor D]; '" + args[i] + "' is neither");
                    System.exit(2);
                }
            }
        }
        System.exit(benchmark.run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        Path dir = Files.createTempDirectory("vinfra-vs-cloudsim");
        Path model = dir.resolve("cloudsim-plus-scenario.vinfra");
        Files.writeString(model, Scenario.vinfra(divisor));
        Path cloudsimTimes = dir.resolve("cloudsim-finish-times.txt");
        Path vinfraReport = dir.resolve("vinfra-report.json");
        out.printf(Locale.ROOT, "scenario: %,d hosts, %,d VMs, %,d workloads (%s)%n%n", Scenario.HOSTS / divisor, Scenario.VMS / divisor,
                Scenario.CLOUDLETS / divisor, model);

        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("vinfra.benchmarks.cloudsim-class-path", System.getProperty("java.class.path"));
        // Once, untimed: the first ./vinfra simulate after a build trains its start-up cache (a few seconds, once)
        process(List.of(root.resolve("vinfra").toString(), "simulate", model.toString(), "--for", Scenario.SECONDS + " s"));
        // The whole processes take turns, round after round: a machine that speeds up or slows down meanwhile
        // (other processes, a virtual machine's neighbours) moves both sides of the ratio alike.
        long[] processes = interleavedMedians(List.of("CloudSim Plus, whole process", "./vinfra simulate, whole process",
                "./vinfra simulate --format json -o FILE, whole process"), List.of(
                () -> process(List.of(java, "-cp", classPath, CloudSimPlusScenario.class.getName(), String.valueOf(divisor),
                        cloudsimTimes.toString())),
                () -> process(List.of(root.resolve("vinfra").toString(), "simulate", model.toString(), "--for", Scenario.SECONDS + " s")),
                () -> process(List.of(root.resolve("vinfra").toString(), "simulate", model.toString(), "--for", Scenario.SECONDS + " s",
                        "--format", "json", "-o", vinfraReport.toString()))));
        long cloudsimProcess = processes[0];
        long vinfraProcess = processes[1];
        long vinfraJsonProcess = processes[2];

        warmUp("CloudSim Plus, warm", () -> CloudSimPlusScenario.run(divisor).count());
        long cloudsimWarm = median("CloudSim Plus, warm", () -> CloudSimPlusScenario.run(divisor).count());
        warmUp("vinfra simulate, warm", () -> simulateInProcess(model));
        long vinfraWarm = median("vinfra simulate (parse, validate, map, simulate, report), warm", () -> simulateInProcess(model));
        SimModel simModel = load(model);
        warmUp("vinfra engine, warm", () -> engine(simModel));
        long engineWarm = median("vinfra engine alone, warm", () -> engine(simModel));

        out.println();
        out.printf(Locale.ROOT, "%-60s %14s %10s %8s%n", "median of " + rounds + " rounds", "CloudSim Plus", "vinfra", "ratio");
        row("whole process (CloudSim Plus's program; ./vinfra simulate)", cloudsimProcess, vinfraProcess);
        row("whole process, vinfra writing its JSON report", cloudsimProcess, vinfraJsonProcess);
        row("warm, in one JVM (vinfra: parse to report)", cloudsimWarm, vinfraWarm);
        row("warm, in one JVM (vinfra: the engine alone)", cloudsimWarm, engineWarm);
        // the spread: how far the machine's drift moves the whole-process ratio from one round to the next
        List<String> ratios = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            ratios.add(String.format(Locale.ROOT, "%.1fx", roundTimes.get(0).get(round) / (double) Math.max(1, roundTimes.get(1).get(round))));
        }
        out.printf(Locale.ROOT, "whole process, the ratio in each round: %s%n", String.join(", ", ratios));
        out.println();
        return agree(CloudSimPlusScenario.read(cloudsimTimes), Files.readString(vinfraReport));
    }

    private void row(String what, long cloudsim, long vinfra) {
        out.printf(Locale.ROOT, "%-60s %,11d ms %,7d ms %7.1fx%n", what, cloudsim, vinfra, cloudsim / (double) Math.max(1, vinfra));
    }

    /**
     * Where the models coincide: each workload runs alone on its VM's vCPUs (two workloads of 2 threads
     * on a VM of 4 vCPUs fit), so it takes its instructions over its threads' speed. vinfra also
     * takes the hypervisor's share (2 % for hardware-assisted virtualization) and boots hosts and VMs
     * first; CloudSim Plus does neither. So a workload's run time in vinfra x (1 - that share) must be
     * CloudSim Plus's, to the precision of the JSON report (1e-6 s).
     */
    private boolean agree(CloudSimPlusScenario.Outcome cloudsim, String vinfraJson) {
        JsonObject report = JsonParser.parseString(vinfraJson).getAsJsonObject();
        double share = 1 - VirtualizationCost.cpuOverhead(new SimModel.Hypervisor("kvm", false, VirtualizationCost.defaultTechnique(), 1, 1));
        int same = 0;
        int compared = 0;
        double worst = 0;
        String worstName = "";
        for (JsonElement element : report.getAsJsonArray("workloads")) {
            JsonObject workload = element.getAsJsonObject();
            String name = workload.get("name").getAsString();
            int c = Integer.parseInt(name.substring(1)) - 1;
            compared++;
            if (workload.get("finished").isJsonNull() || cloudsim.finished()[c] <= 0) {
                continue;
            }
            double vinfra = (workload.get("finished").getAsDouble() - workload.get("started").getAsDouble()) * share;
            double theirs = cloudsim.finished()[c] - cloudsim.started()[c];
            double difference = Math.abs(vinfra - theirs);
            if (difference > worst) {
                worst = difference;
                worstName = name;
            }
            same += difference <= 2e-6 * Math.max(1, theirs) ? 1 : 0;
        }
        out.printf(Locale.ROOT, "agreement: %,d of %,d workloads run as long in both (vinfra's run time x %.2f, the share its hypervisor"
                + " leaves, = CloudSim Plus's); CloudSim Plus finished %,d; largest difference %.6f s (%s)%n", same, compared, share,
                cloudsim.count(), worst, worstName);
        return same == compared && compared == cloudsim.finished().length;
    }

    private long simulateInProcess(Path model) {
        StringWriter report = new StringWriter();
        StringWriter errors = new StringWriter();
        int exit = VinfraCli.run(new String[] { "simulate", model.toString(), "--for", Scenario.SECONDS + " s", "--format", "json" },
                new PrintWriter(report), new PrintWriter(errors));
        if (exit != 0) {
            throw new IllegalStateException("vinfra simulate failed (" + exit + "): " + errors);
        }
        return report.getBuffer().length();
    }

    private static SimModel load(Path model) throws IOException {
        ModelSet models = new VinfraStandaloneSetup().createInjectorAndDoEMFRegistration().getInstance(ModelSet.class);
        models.load(List.of(model));
        return ModelToSimulation.map(models.models());
    }

    private static long engine(SimModel model) {
        SimulationResult result = new StackSimulation(model, SimulationOptions.defaults(Scenario.SECONDS)).run(null);
        return result.workloads().stream().filter(w -> !Double.isNaN(w.finished())).count();
    }

    private long process(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output.length();
    }

    private void warmUp(String what, Callable<?> step) throws Exception {
        for (int round = 0; round < 2; round++) {
            step.call();
        }
    }

    /** Runs each step once per round, in turn, and gives each one's median time in ms. */
    private long[] interleavedMedians(List<String> names, List<Callable<?>> steps) throws Exception {
        List<List<Long>> times = roundTimes;
        times.clear();
        steps.forEach(step -> times.add(new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < steps.size(); i++) {
                long start = System.nanoTime();
                steps.get(i).call();
                long millis = (System.nanoTime() - start) / 1_000_000;
                times.get(i).add(millis);
                out.printf(Locale.ROOT, "%s, round %d: %,d ms%n", names.get(i), round + 1, millis);
            }
        }
        long[] medians = new long[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            List<Long> sorted = new ArrayList<>(times.get(i));
            Collections.sort(sorted);
            medians[i] = sorted.get(sorted.size() / 2);
        }
        return medians;
    }

    private long median(String what, Callable<?> step) throws Exception {
        List<Long> times = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            step.call();
            long millis = (System.nanoTime() - start) / 1_000_000;
            times.add(millis);
            out.printf(Locale.ROOT, "%s, round %d: %,d ms%n", what, round + 1, millis);
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }
}
