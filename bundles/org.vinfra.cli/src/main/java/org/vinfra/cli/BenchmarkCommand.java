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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.lang.workspace.Problem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "benchmark", description = {
        "Generates a data-centre model (hosts with VMs, networks, containers) and times parsing, linking and",
        "validating it: warm-up rounds first, then measured rounds. Prints the figures and the peak heap." })
final class BenchmarkCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--hosts", defaultValue = "2000", description = "Hosts to generate (default: ${DEFAULT-VALUE}).")
    private int hosts;

    @Option(names = "--vms", defaultValue = "20000", description = "VMs to generate (default: ${DEFAULT-VALUE}).")
    private int vms;

    @Option(names = "--warmup", defaultValue = "3", description = "Unmeasured rounds (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--rounds", defaultValue = "5", description = "Measured rounds (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("vinfra-benchmark");
        Path file = dir.resolve("datacenter.vinfra");
        try {
            String text = DatacenterGenerator.generate(hosts, vms);
            Files.writeString(file, text);
            long lines = text.lines().count();
            out.printf(Locale.ROOT, "model: %d hosts, %d VMs, %d lines (%d KiB)%n", hosts, vms, lines, text.length() / 1024);
            List<Long> times = new ArrayList<>();
            int problems = 0;
            for (int round = 0; round < warmup + rounds; round++) {
                long start = System.nanoTime();
                ModelSet models = Language.load(List.of(file));
                List<Problem> found = models.validate();
                long millis = (System.nanoTime() - start) / 1_000_000;
                problems = found.size();
                if (round >= warmup) {
                    times.add(millis);
                }
                out.printf(Locale.ROOT, "%s %d: parse+link+validate %d ms (%d problems)%n", round < warmup ? "warm-up" : "round", round + 1,
                        millis, problems);
                out.flush();
            }
            Collections.sort(times);
            out.printf(Locale.ROOT, "warm: median %d ms, best %d ms, worst %d ms over %d rounds%n", times.get(times.size() / 2), times.get(0),
                    times.get(times.size() - 1), times.size());
            out.printf(Locale.ROOT, "peak heap used: %d MiB (max heap %d MiB)%n", peakHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20);
            return VinfraCli.OK;
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
