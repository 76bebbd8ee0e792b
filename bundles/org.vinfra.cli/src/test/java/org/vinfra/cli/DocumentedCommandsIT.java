package org.vinfra.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every command line shown in README.md, CONTRIBUTING.md and docs/*.md, run as a user runs it: the real
 * {@code ./vinfra} script from the repository's root, in a shell. Runs after the jar is packaged
 * (failsafe), so the documentation cannot rot: a command that stops working, or whose exit code
 * changes, fails the build. Synopses ({@code ./vinfra generate FILE... -o DIR}) are not run: their
 * subcommand and options are checked against the command line's own definition instead.
 */
class DocumentedCommandsIT {

    /** Commands that are shown but deliberately not run here, with the reason (the whole command line, as written). */
    private static final List<String[]> NOT_RUN = List.of(
            new String[] { "releng/mvn", "a Maven build of this repository: CI runs it (it is this very build), and a build run"
                    + " from inside it would rebuild the folders the running build uses" },
            new String[] { "cd releng/org.vinfra.product/", "the way into the Eclipse product, whose start is the next line" },
            new String[] { "java --sun-misc-unsafe-memory-access=allow -jar plugins/org.eclipse.equinox.launcher_",
                    "starts the Eclipse IDE, a window that stays open until it is closed; the product it starts is built"
                    + " after this module (releng/org.vinfra.product)" });

    @TestFactory
    Stream<DynamicTest> everyDocumentedCommandRuns() throws IOException {
        List<DocumentedCommand> commands = DocumentedCommand.all(Cli.root());
        assertTrue(commands.size() >= 20, "the extraction finds the documented commands: " + commands);
        // the same command shown in several places runs once
        Map<String, DocumentedCommand> distinct = new LinkedHashMap<>();
        commands.stream().filter(command -> !command.isSynopsis()).forEach(command -> distinct.putIfAbsent(command.text(), command));
        return distinct.values().stream()
                .map(command -> DynamicTest.dynamicTest(command.where() + ": " + command.text(), () -> run(command)));
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedSynopsisMatchesTheCommandLine() throws IOException {
        CommandLine vinfra = VinfraCli.commandLine();
        return DocumentedCommand.all(Cli.root()).stream().filter(DocumentedCommand::isSynopsis)
                .filter(command -> command.text().startsWith("./vinfra ") || command.text().contains(" ./vinfra "))
                .map(command -> DynamicTest.dynamicTest(command.where() + ": " + command.text(), () -> check(vinfra, command)));
    }

    @Test
    void theReadmeShowsTheTwoCommandsOfCi() throws IOException {
        String ci = Files.readString(Cli.root().resolve(".ci/run"));
        List<String> readme = DocumentedCommand.all(Cli.root()).stream().filter(c -> c.where().startsWith("README.md"))
                .map(DocumentedCommand::text).toList();
        assertTrue(readme.contains("releng/mvn -B clean verify") && ci.contains("\nreleng/mvn -B clean verify\n"),
                "README and .ci/run give the same test command");
        assertTrue(readme.contains("./vinfra validate examples/*.vinfra examples/multi-file/vms.vinfra")
                && ci.contains("\n./vinfra validate examples/*.vinfra examples/multi-file/vms.vinfra\n"),
                "README and .ci/run give the same main command");
    }

    private static void run(DocumentedCommand command) throws Exception {
        for (String[] notRun : NOT_RUN) {
            if (command.text().contains(notRun[0])) {
                checkReferences(command);
                abort("not run here: " + notRun[1]);
            }
        }
        if (command.serves()) {
            serve(command);
            return;
        }
        int expected = 0;
        int runs = command.writesFiles() ? 2 : 1;
        // what the documentation writes to /tmp goes to a folder of this run: a file left there by an older
        // version or by another build must not decide whether the command works on a fresh machine
        Path scratch = Files.createTempDirectory("vinfra-doc-tmp");
        String text = command.text().replace("/tmp/", scratch + "/");
        for (int round = 1; round <= runs; round++) {
            Path log = Files.createTempFile("vinfra-doc-command", ".log");
            ProcessBuilder builder = new ProcessBuilder("bash", "-c", text).directory(Cli.root().toFile());
            // the jar this build packaged, never a build of ./vinfra's own inside this one
            builder.environment().put("VINFRA_NO_REBUILD", "1");
            Process process = builder
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(command.where() + ": `" + command.text() + "` did not end within 10 minutes");
            }
            String output = Files.readString(log);
            Files.delete(log);
            assertEquals(expected, process.exitValue(), command.where() + ": `" + command.text() + "` (run " + round + " of " + runs
                    + ") exited with " + process.exitValue() + ":\n" + tail(output));
            assertFalse(output.contains("\tat org.") || output.contains("Exception in thread"),
                    command.where() + ": `" + command.text() + "` printed a stack trace:\n" + tail(output));
        }
    }

    /**
     * A command that serves until it is stopped ({@code ./vinfra diagram FILE} without {@code --svg}): it must print its
     * URL as its first line, answer that URL (token included) with the page, and stop cleanly when terminated.
     */
    private static void serve(DocumentedCommand command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "exec " + command.text()).directory(Cli.root().toFile());
        builder.environment().put("VINFRA_NO_REBUILD", "1");
        Process process = builder
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            java.util.concurrent.CompletableFuture<String> firstLine = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream())).readLine();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            String url = firstLine.get(3, TimeUnit.MINUTES);
            assertNotNull(url, command.where() + ": `" + command.text() + "` ended without printing its URL");
            assertTrue(url.matches("http://127\\.0\\.0\\.1:\\d+/\\?token=[\\w-]+.*"), command.where() + ": prints its URL: " + url);
            java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), command.where() + ": " + url + " answers with the page");
            process.destroy(); // SIGTERM: the shutdown hook stops the server
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), command.where() + ": `" + command.text() + "` stops when terminated");
        } finally {
            process.destroyForcibly();
        }
    }

    /** What a command that is not run names must still exist: the folders it enters and the test classes it picks. */
    private static void checkReferences(DocumentedCommand command) throws IOException {
        java.util.regex.Matcher folder = java.util.regex.Pattern.compile("\\bcd (\\S+)").matcher(command.text());
        while (folder.find()) {
            String path = folder.group(1);
            if (!path.contains("/target/")) { // built folders exist only after a build
                assertTrue(Files.isDirectory(Cli.root().resolve(path)), command.where() + ": `" + command.text() + "` enters " + path
                        + ", which does not exist");
            }
        }
        java.util.regex.Matcher test = java.util.regex.Pattern.compile("-Dtest=(\\w+)").matcher(command.text());
        while (test.find()) {
            String name = test.group(1) + ".java";
            try (Stream<Path> files = Files.walk(Cli.root().resolve("bundles"))) {
                assertTrue(files.anyMatch(file -> file.getFileName().toString().equals(name)), command.where() + ": `" + command.text()
                        + "` runs the test class " + test.group(1) + ", which does not exist");
            }
        }
    }

    private static void check(CommandLine vinfra, DocumentedCommand command) {
        List<String> words = command.words();
        int start = words.indexOf("./vinfra");
        if (start + 1 >= words.size() || words.get(start + 1).startsWith("...")) {
            return; // `VINFRA_DEBUG=1 ./vinfra ...`: any command
        }
        String name = words.get(start + 1);
        if (name.startsWith("-")) {
            assertNotNull(vinfra.getCommandSpec().findOption(name), command.where() + ": `" + command.text() + "`: ./vinfra has no option "
                    + name);
            return;
        }
        CommandLine subcommand = vinfra.getSubcommands().get(name);
        assertNotNull(subcommand, command.where() + ": `" + command.text() + "` names no command of ./vinfra: " + name);
        CommandSpec spec = subcommand.getCommandSpec();
        for (String word : words.subList(start + 2, words.size())) {
            String option = word.replaceAll("^\\[+", "").replaceAll("[\\]|].*$", "");
            if (option.startsWith("-")) {
                assertNotNull(spec.findOption(option), command.where() + ": `" + command.text() + "`: ./vinfra " + name
                        + " has no option " + option);
            }
        }
    }

    private static String tail(String output) {
        return output.length() <= 3000 ? output : "..." + output.substring(output.length() - 3000);
    }

    /** A command line found in a Markdown file: in a code block, or a code span that starts like a command. */
    record DocumentedCommand(String where, String text, boolean mention) {

        private static final List<String> STARTS = List.of("./vinfra", "releng/mvn", "(cd ", "cd ", "java ", "VINFRA_", "bash ");

        static List<DocumentedCommand> all(Path root) throws IOException {
            List<Path> files = new ArrayList<>(List.of(root.resolve("README.md"), root.resolve("CONTRIBUTING.md")));
            try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
                docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
            }
            List<DocumentedCommand> commands = new ArrayList<>();
            for (Path file : files) {
                String name = root.relativize(file).toString();
                List<String> lines = Files.readAllLines(file);
                boolean fenced = false;
                boolean shell = false;
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    String where = name + ":" + (i + 1);
                    if (line.trim().startsWith("```")) {
                        fenced = !fenced;
                        // a fenced block holds commands when it has no language or a shell's
                        shell = fenced && List.of("", "bash", "sh", "shell", "console").contains(line.trim().substring(3).trim());
                        continue;
                    }
                    if (fenced && !shell) {
                        continue;
                    }
                    if (fenced || line.startsWith("    ")) {
                        if (isCommand(line.trim())) {
                            commands.add(new DocumentedCommand(where, line.trim(), false));
                        }
                        continue;
                    }
                    for (String span : codeSpans(line)) {
                        if (isCommand(span)) {
                            commands.add(new DocumentedCommand(where, span, isMention(span)));
                        }
                    }
                }
            }
            return commands;
        }

        private static boolean isCommand(String text) {
            return STARTS.stream().anyMatch(text::startsWith) && !text.equals("./vinfra") && !text.matches("([A-Z_]+=\\S*\\s*)+");
        }

        /** In running text, a tool or command named without arguments ({@code ./vinfra import}, {@code releng/mvn}) is a mention. */
        private static boolean isMention(String span) {
            String[] words = span.split("\\s+");
            return words.length == 1 || words.length == 2 && words[0].equals("./vinfra");
        }

        /** The code spans of a Markdown line; in tables, {@code \|} stands for {@code |}. */
        private static List<String> codeSpans(String line) {
            List<String> spans = new ArrayList<>();
            String[] parts = line.replace("\\|", "\u0000").split("`", -1);
            for (int i = 1; i < parts.length - 1; i += 2) {
                spans.add(parts[i].replace('\u0000', '|').trim());
            }
            return spans;
        }

        List<String> words() {
            return List.of(text.split("\\s+"));
        }

        /**
         * A synopsis names placeholders (FILE, DIR..., MODEL.vinfra), alternatives (a|b) or optional parts ([...]), or is a
         * mention of a command in running text.
         */
        boolean isSynopsis() {
            if (mention) {
                return true;
            }
            for (String word : words()) {
                if (word.matches("[A-Z_]+=.*")) {
                    continue; // an environment variable set for the command
                }
                if (word.contains("|") || word.contains("[") || word.contains("...") || word.matches("[A-Z][A-Z0-9_]*(\\.\\.\\.|\\.[a-z]+)?")) {
                    return true;
                }
            }
            return false;
        }

        /** {@code ./vinfra diagram} without {@code --svg} serves the diagram editor until it is stopped. */
        boolean serves() {
            List<String> words = words();
            int start = words.indexOf("./vinfra");
            return start >= 0 && start + 1 < words.size() && words.get(start + 1).equals("diagram") && !words.contains("--svg");
        }

        boolean writesFiles() {
            return words().contains("-o") || words().contains("--output");
        }
    }
}
