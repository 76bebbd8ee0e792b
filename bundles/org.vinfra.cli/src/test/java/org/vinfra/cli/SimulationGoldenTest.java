package org.vinfra.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vinfra.cli.Cli.Result;

/**
 * The simulator's results, byte for byte: {@code ./vinfra simulate} on every example and on the
 * models of {@code src/test/resources/simulate-golden/models/} (which exercise containers, faults,
 * storage and many workloads on one VM), in text and JSON, against the reports recorded in
 * {@code src/test/resources/simulate-golden/} before the engine was split into its concerns and
 * its processor sharing made O(log n). A change of the engine that changes a result shows here.
 * To record new reports after an intended change of the model: {@code -Dvinfra.golden.update=true}.
 */
class SimulationGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/simulate-golden");

    static Stream<String[]> runs() throws IOException {
        List<String[]> runs = new ArrayList<>();
        List<Path> models = new ArrayList<>();
        try (Stream<Path> examples = Files.list(Cli.root().resolve("examples"))) {
            examples.filter(p -> p.toString().endsWith(".vinfra")).sorted().forEach(models::add);
        }
        models.add(Cli.root().resolve("examples/multi-file/vms.vinfra"));
        try (Stream<Path> own = Files.list(GOLDEN.resolve("models"))) {
            own.filter(p -> p.toString().endsWith(".vinfra")).sorted().forEach(models::add);
        }
        for (Path model : models) {
            for (String format : List.of("text", "json")) {
                runs.add(new String[] { model.toString(), format, "10 min", "1", "0" });
            }
            runs.add(new String[] { model.toString(), "json", "10 min", "7", "0.2" });
        }
        runs.add(new String[] { Cli.root().resolve("examples/simulation-lab.vinfra").toString(), "json", "8 min", "1", "0" });
        runs.add(new String[] { Cli.root().resolve("examples/simulation-lab.vinfra").toString(), "text", "3 min", "1", "0" });
        return runs.stream();
    }

    @ParameterizedTest(name = "{0} --format {1} --for {2} --seed {3} --jitter {4}")
    @MethodSource("runs")
    void theReportIsTheRecordedOne(String model, String format, String duration, String seed, String jitter) throws IOException {
        Result result = Cli.run("simulate", model, "--for", duration, "--format", format, "--seed", seed, "--jitter", jitter);
        String name = Path.of(model).getFileName().toString().replace(".vinfra", "") + "-" + duration.replace(" ", "")
                + ("0".equals(jitter) ? "" : "-seed" + seed + "-jitter" + jitter) + "." + format;
        Path golden = GOLDEN.resolve(name);
        if (Boolean.getBoolean("vinfra.golden.update")) {
            Files.writeString(golden, result.exit() + "\n" + result.out());
        }
        assertEquals(Files.readString(golden), result.exit() + "\n" + result.out(), "simulate " + model + " --format " + format);
    }
}
