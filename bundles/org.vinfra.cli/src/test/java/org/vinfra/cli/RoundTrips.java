package org.vinfra.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

/**
 * Import, export, and the real tools' reading of the original and of the export, for the corpus
 * (bundles/org.vinfra.formats.tests/corpus) and the import cases: what RealToolsTest compares.
 */
final class RoundTrips {

    private RoundTrips() {
    }

    static Path corpus() {
        return Path.of(System.getProperty("vinfra.root", "../..")).resolve("bundles/org.vinfra.formats.tests/corpus");
    }

    static Path cases() {
        return Path.of(System.getProperty("vinfra.root", "../..")).resolve("bundles/org.vinfra.formats.tests/cases/import");
    }

    /** corpus/index.txt: expectation and path (relative to the corpus) of each file. */
    static List<String[]> index() throws IOException {
        List<String[]> entries = new ArrayList<>();
        for (String line : Files.readAllLines(corpus().resolve("index.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                entries.add(line.trim().split("\\s+"));
            }
        }
        return entries;
    }

    /** ./vinfra import then ./vinfra generate, in this JVM; the folder of exported files. */
    static Path importAndExport(Path source, Path work, String target, String... options) {
        Path model = work.resolve("model.vinfra");
        Path out = work.resolve("out");
        StringWriter log = new StringWriter();
        int imported = VinfraCli.run(new String[] { "import", source.toString(), "-o", model.toString(), "--force" }, new PrintWriter(log),
                new PrintWriter(log));
        assertEquals(VinfraCli.OK, imported, source + ":\n" + log);
        List<String> generate = new ArrayList<>(List.of("generate", model.toString(), "-o", out.toString(), "-t", target));
        generate.addAll(List.of(options));
        assertEquals(VinfraCli.OK, VinfraCli.run(generate.toArray(String[]::new), new PrintWriter(log), new PrintWriter(log)), source + ":\n" + log);
        return out;
    }

    static Path single(Path folder, String name) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.getFileName().toString().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + folder));
        }
    }

    /** docker-compose config of a file, in its own folder (with its .env), as a document; null when docker-compose refuses it. */
    static Object composeConfig(Path file) {
        try {
            ProcessBuilder builder = new ProcessBuilder("docker-compose", "-f", file.toString(), "-p", "roundtrip", "config")
                    .directory(file.getParent().toFile());
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            return process.exitValue() == 0 ? new Yaml().load(output) : null;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Where two meanings differ, as readable lines (empty when they are the same). */
    @SuppressWarnings("unchecked")
    static List<String> differences(Object original, Object exported) {
        List<String> differences = new ArrayList<>();
        diff("", original, exported, differences);
        return differences;
    }

    @SuppressWarnings("unchecked")
    private static void diff(String path, Object a, Object b, List<String> out) {
        if (Objects.equals(a, b)) {
            return;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            Set<String> keys = new TreeSet<>((Set<String>) ma.keySet());
            keys.addAll((Set<String>) mb.keySet());
            for (String key : keys) {
                diff(path + "." + key, ma.get(key), mb.get(key), out);
            }
            return;
        }
        out.add(path + ": " + a + " <> " + b);
    }
}
