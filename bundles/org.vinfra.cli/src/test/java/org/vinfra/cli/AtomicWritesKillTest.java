package org.vinfra.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by format and import ({@link AtomicFile}) and by generate ({@link org.vinfra.formats.OutputWriter})
 * are the old or the new one, never a mix: a real JVM writing them is killed with SIGKILL at random
 * moments, and each file is then read back whole.
 */
class AtomicWritesKillTest {

    static final List<String> EXPORTED = List.of("web/compose.yaml", "web/Dockerfile", "lxc/c1/config");

    /** Two versions of about 1.2 MB, of different lengths, so that a torn or truncated write shows. */
    static String version(boolean first) {
        String line = first ? "host first { memory 4 GiB }\n" : "host second-version { memory 8 GiB }\n";
        return line.repeat(first ? 40_000 : 35_000);
    }

    @TempDir
    Path folder;

    private final Random random = new Random(14);

    @Test
    void formatAndImportLeaveTheOldOrTheNewFile() throws Exception {
        Path file = folder.resolve("model.vinfra");
        Files.writeString(file, version(true));
        for (int round = 0; round < 8; round++) {
            killWhileWriting("file", file);
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertTrue(text.equals(version(true)) || text.equals(version(false)),
                    "after SIGKILL in round " + round + " the file is a mix of " + text.length() + " characters");
        }
        AtomicFile.write(file, version(false));
        try (java.util.stream.Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(file), left.toList(), "the next write removes what the killed writers left behind");
        }
    }

    @Test
    void generateLeavesTheOldOrTheNewFiles() throws Exception {
        Path out = folder.resolve("out");
        for (int round = 0; round < 8; round++) {
            killWhileWriting("folder", out);
            for (String name : EXPORTED) {
                Path file = out.resolve(name);
                if (Files.exists(file)) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    assertTrue(text.equals(version(true) + name) || text.equals(version(false) + name),
                            "after SIGKILL in round " + round + " " + name + " is a mix of " + text.length() + " characters");
                }
            }
        }
        org.vinfra.formats.GeneratedFiles files = new org.vinfra.formats.GeneratedFiles();
        EXPORTED.forEach(name -> files.add(name, version(true) + name));
        org.vinfra.formats.OutputWriter.write(files, out);
        try (java.util.stream.Stream<Path> left = Files.walk(out)) {
            assertEquals(List.of(), left.filter(path -> path.getFileName().toString().endsWith(".tmp")).toList(),
                    "the next generate removes what the killed writers left behind");
        }
    }

    /** The real command: ./vinfra format on a large model, killed at random moments of its run. */
    @Test
    void theFormatCommandLeavesTheOldOrTheFormattedFile() throws Exception {
        String unformatted = "host   h%d   {   memory 4 GiB   }\n";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            text.append(unformatted.formatted(i));
        }
        Path file = folder.resolve("big.vinfra");
        Files.writeString(file, text);
        long start = System.nanoTime();
        assertEquals(0, java("format", file.toString()).waitFor());
        long millis = (System.nanoTime() - start) / 1_000_000;
        String formatted = Files.readString(file);
        assertTrue(!formatted.equals(text.toString()), "the model was not formatted");
        for (int round = 0; round < 3; round++) {
            Files.writeString(file, text);
            Process format = java("format", file.toString());
            // the last fifth of a run is where it writes
            Thread.sleep(millis * 4 / 5 + random.nextInt((int) Math.max(1, millis / 5)));
            format.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            String now = Files.readString(file);
            assertTrue(now.equals(text.toString()) || now.equals(formatted), "after SIGKILL the model is a mix of " + now.length() + " characters");
        }
    }

    private void killWhileWriting(String mode, Path target) throws Exception {
        Process writer = new ProcessBuilder(javaCommand(RewriteLoop.class.getName(), mode, target.toString())).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertEquals("writing", line, "the writer did not start");
            Thread.sleep(random.nextInt(150));
            writer.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no finally
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, writer.exitValue(), "the writer was not killed by SIGKILL");
        }
    }

    private static Process java(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(VinfraCli.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(javaCommand(command.toArray(String[]::new))).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static List<String> javaCommand(String... mainAndArgs) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(List.of(mainAndArgs));
        return command;
    }
}
