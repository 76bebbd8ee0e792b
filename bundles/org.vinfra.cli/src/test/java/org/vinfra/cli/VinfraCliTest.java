package org.vinfra.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vinfra.cli.Cli.Result;

/** The command line as a user runs it: exit codes, the FILE:LINE:COL form, never a stack trace. */
class VinfraCliTest {

    private static final String NOISE = "{}[]\"\\'.:/-0123456789xyz\u0000é";

    private static Result run(String... args) {
        return Cli.run(args);
    }

    private static Path root() {
        return Cli.root();
    }

    private static List<String> examples() throws IOException {
        try (Stream<Path> files = Files.walk(root().resolve("examples"))) {
            return files.filter(p -> p.toString().endsWith(".vinfra")).map(Path::toString).sorted().toList();
        }
    }

    @Test
    void theExamplesValidateWithoutErrors() throws IOException {
        Result result = run(Stream.concat(Stream.of("validate"), examples().stream()).toArray(String[]::new));
        assertEquals(VinfraCli.OK, result.exit(), result.all());
        assertTrue(result.err().contains("0 errors"), result.err());
    }

    @Test
    void theStartupTrainingModelIsValidSoTheTrainedCachesHoldWhatASuccessfulRunLoads(@TempDir Path dir) throws IOException {
        // an invalid model stops simulate before its report: the AOT cache would then miss the report's classes
        Path file = dir.resolve("training.vinfra");
        Files.writeString(file, StartupTrainingCommand.MODEL);
        Result validated = run("validate", file.toString());
        assertEquals(VinfraCli.OK, validated.exit(), validated.all());
        assertTrue(validated.err().contains("0 errors, 0 warnings"), validated.all());
        Result simulated = run("simulate", file.toString(), "--for", "1 min");
        assertEquals(VinfraCli.OK, simulated.exit(), simulated.all());
        assertTrue(simulated.out().contains("(completed)") && simulated.out().contains("job"), simulated.out());
    }

    @Test
    void errorsArePrintedAsFileLineColumnCodeMessageAndExitWith1(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("lab.vinfra");
        Files.writeString(file, "host h {\n  memory 4 GiB\n}\nvm v on h {\n  vcpus 4\n}\n");
        Result result = run("validate", file.toString());
        assertEquals(VinfraCli.MODEL_ERRORS, result.exit(), result.all());
        assertTrue(result.out().contains(file + ":4:9: error vinfra.vm-without-hypervisor: "), result.out());
        assertTrue(result.out().contains(file + ":5:9: error vinfra.vcpus-exceed-host: "), result.out());
    }

    @Test
    void warningsAloneExitWith0UnlessAskedOtherwise(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("c.vinfra");
        Files.writeString(file, "container c { image \"nginx\" }\n");
        assertEquals(VinfraCli.OK, run("validate", file.toString()).exit());
        assertEquals(VinfraCli.MODEL_ERRORS, run("validate", "--warnings-as-errors", file.toString()).exit());
    }

    @Test
    void usageAndIoProblemsExitWith2(@TempDir Path dir) {
        assertEquals(VinfraCli.USAGE_OR_IO, run("validate").exit());
        assertEquals(VinfraCli.USAGE_OR_IO, run("validate", "--no-such-option", "x.vinfra").exit());
        Result missing = run("validate", dir.resolve("missing.vinfra").toString());
        assertEquals(VinfraCli.USAGE_OR_IO, missing.exit());
        assertTrue(missing.err().contains("no such file"), missing.err());
        assertEquals(VinfraCli.USAGE_OR_IO, run("validate", dir.toString()).exit());
    }

    @Test
    void formatRewritesInPlaceAndCheckReportsUnformattedFiles(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("f.vinfra");
        Files.writeString(file, "host h { memory 1 GiB }");
        assertEquals(VinfraCli.MODEL_ERRORS, run("format", "--check", file.toString()).exit());
        assertEquals(VinfraCli.OK, run("format", file.toString()).exit());
        assertEquals("host h {\n\tmemory 1 GiB\n}\n", Files.readString(file));
        assertEquals(VinfraCli.OK, run("format", "--check", file.toString()).exit());
    }

    @Test
    void formatLeavesAFileWithSyntaxErrorsUntouched(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.vinfra");
        String text = "host h {   memory 1 GiB\n";
        Files.writeString(file, text);
        Result result = run("format", file.toString());
        assertEquals(VinfraCli.MODEL_ERRORS, result.exit());
        assertEquals(text, Files.readString(file), "nothing is lost");
        assertTrue(result.err().contains("syntax errors"), result.err());
    }

    /** Mangled input of every kind gets positioned diagnostics, never a stack trace or an internal error. */
    @Test
    void noInputProducesAStackTrace(@TempDir Path dir) throws IOException {
        Random random = new Random(42);
        List<String> sources = new ArrayList<>();
        for (String example : examples()) {
            sources.add(Files.readString(Path.of(example)));
        }
        for (int i = 0; i < 200; i++) {
            StringBuilder text = new StringBuilder(sources.get(i % sources.size()));
            for (int edit = 0; edit < 1 + random.nextInt(6); edit++) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(4)) {
                    case 0 -> text.delete(at, Math.min(text.length(), at + random.nextInt(20)));
                    case 1 -> text.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
                    case 2 -> text.insert(at, text.substring(random.nextInt(text.length() / 2), text.length() / 2));
                    default -> text.setCharAt(at, (char) (32 + random.nextInt(95)));
                }
            }
            Path file = dir.resolve("mangled" + i + ".vinfra");
            Files.writeString(file, text);
            Result result = run("validate", file.toString());
            assertTrue(result.exit() == VinfraCli.OK || result.exit() == VinfraCli.MODEL_ERRORS, "exit " + result.exit() + ": " + result.all());
            assertFalse(result.all().contains("\tat "), "stack trace for input " + i + ":\n" + result.all());
            assertFalse(result.all().contains("internal error"), "internal error for input " + i + ":\n" + text + "\n" + result.all());
        }
    }

    @Test
    void theBenchmarksRunOnSmallModels() {
        Result language = run("benchmark", "language", "--hosts", "10", "--vms", "50", "--warmup", "0", "--rounds", "1");
        assertEquals(VinfraCli.OK, language.exit(), language.all());
        assertTrue(language.out().contains("parse+link+validate") && language.out().contains("(0)"), "no problems: " + language.out());
        Result export = run("benchmark", "export", "--vms", "20", "--lxc", "5", "--compose", "2", "--services", "3", "--warmup", "0", "--rounds", "1");
        assertEquals(VinfraCli.OK, export.exit(), export.all());
        assertTrue(export.out().contains("0 errors"), export.out());
        assertTrue(export.out().contains("warm: median"), export.out());
        Result editing = run("benchmark", "editing", "--lines", "300", "--warmup", "0", "--rounds", "2");
        assertEquals(VinfraCli.OK, editing.exit(), editing.all());
        assertTrue(editing.out().contains("diagnostics after a keystroke") && editing.out().contains("(0)"), "no problems: " + editing.out());
    }

    @Test
    void aModelWithErrorsExportsNothing(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("bad.vinfra");
        Files.writeString(model, "image i { from \"busybox:1.36\" }\ncontainer c { image i port 99999:80 }\n");
        Path out = dir.resolve("out");
        Result result = run("generate", model.toString(), "-o", out.toString());
        assertEquals(VinfraCli.MODEL_ERRORS, result.exit(), result.all());
        assertTrue(result.out().contains(model + ":2:"), "the diagnostics are printed: " + result.out());
        assertTrue(result.err().contains("nothing exported"), result.err());
        assertFalse(Files.exists(out), "nothing is written");
    }

    @Test
    void generateWritesDeterministicallyAndExplainsBadOptions(@TempDir Path dir) throws IOException {
        List<String> args = new ArrayList<>(List.of("generate", "-o", dir.resolve("a").toString()));
        args.addAll(examples());
        assertEquals(VinfraCli.OK, run(args.toArray(String[]::new)).exit());
        args.set(2, dir.resolve("b").toString());
        assertEquals(VinfraCli.OK, run(args.toArray(String[]::new)).exit());
        try (Stream<Path> a = Files.walk(dir.resolve("a"))) {
            for (Path file : a.filter(Files::isRegularFile).toList()) {
                Path twin = dir.resolve("b").resolve(dir.resolve("a").relativize(file));
                assertEquals(Files.readString(file), Files.readString(twin), "byte-identical: " + file);
            }
        }
        Result unknown = run("generate", examples().get(0), "-o", dir.resolve("c").toString(), "--target", "compose,helm");
        assertEquals(VinfraCli.USAGE_OR_IO, unknown.exit());
        assertTrue(unknown.err().contains("unknown export target 'helm'"), unknown.err());
        Result cgroup = run("generate", examples().get(0), "-o", dir.resolve("c").toString(), "--cgroup", "v3");
        assertEquals(VinfraCli.USAGE_OR_IO, cgroup.exit());
        assertTrue(cgroup.err().contains("v1 or v2"), cgroup.err());
    }

    @Test
    void importNeverReplacesAModelSilentlyAndWritesNothingFromBrokenInput(@TempDir Path dir) throws IOException {
        Path compose = dir.resolve("compose.yaml");
        Files.writeString(compose, "services:\n  web:\n    image: nginx:1.27\n");
        Path model = dir.resolve("model.vinfra");
        Files.writeString(model, "// my work\n");
        Result refused = run("import", compose.toString(), "-o", model.toString());
        assertEquals(VinfraCli.USAGE_OR_IO, refused.exit());
        assertTrue(refused.err().contains("--force"), refused.err());
        assertEquals("// my work\n", Files.readString(model), "the existing model is kept");
        assertEquals(VinfraCli.OK, run("import", compose.toString(), "-o", model.toString(), "--force").exit());
        String imported = Files.readString(model);
        assertTrue(imported.contains("service web {"));
        Result again = run("import", compose.toString(), "-o", model.toString());
        assertEquals(VinfraCli.OK, again.exit(), "the same import run twice succeeds: " + again.all());
        assertTrue(again.err().contains("unchanged"), again.err());
        assertEquals(imported, Files.readString(model));
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "services:\n  web: [\n");
        Path fresh = dir.resolve("fresh.vinfra");
        Result result = run("import", broken.toString(), "-o", fresh.toString());
        assertEquals(VinfraCli.MODEL_ERRORS, result.exit(), result.all());
        assertTrue(result.out().contains(broken + ":"), result.out());
        assertFalse(Files.exists(fresh));
    }

    @Test
    void versionNamesTheReleaseAndTheJava() {
        Result version = run("--version");
        assertEquals(VinfraCli.OK, version.exit());
        assertTrue(version.out().startsWith("vinfra "), version.out());
        assertTrue(version.out().contains("Java " + Runtime.version().feature()), version.out());
    }

    /**
     * A command line that runs one subcommand holds only that one (start-up): help, mistakes and the
     * {@code help} command still know them all.
     */
    @Test
    void helpAndMistakesKnowEveryCommand() {
        Result help = run("--help");
        assertEquals(VinfraCli.OK, help.exit(), help.all());
        for (String command : List.of("validate", "format", "generate", "import", "simulate", "diagram", "lsp", "benchmark", "completion")) {
            assertTrue(help.out().lines().anyMatch(line -> line.trim().startsWith(command + " ")), "--help lists " + command + ":\n" + help.out());
        }
        Result typo = run("simulat", "x.vinfra");
        assertEquals(VinfraCli.USAGE_OR_IO, typo.exit());
        assertTrue(typo.err().contains("Did you mean: vinfra simulate"), typo.all());
        Result helpValidate = run("help", "validate");
        assertEquals(VinfraCli.OK, helpValidate.exit(), helpValidate.all());
        assertTrue(helpValidate.out().startsWith("Usage: vinfra validate"), helpValidate.all());
        for (String command : List.of("validate", "simulate", "generate", "lsp", "completion")) {
            Result usage = run(command, "--help");
            assertEquals(VinfraCli.OK, usage.exit(), command + " --help: " + usage.all());
            assertTrue(usage.out().startsWith("Usage: vinfra " + command), usage.all());
        }
        Result badOption = run("simulate", "--no-such-option", "x.vinfra");
        assertEquals(VinfraCli.USAGE_OR_IO, badOption.exit());
        assertTrue(badOption.err().contains("Usage: vinfra simulate"), badOption.all());
    }

    /** The completion script is generated from the command line's definition: every command and option is in it. */
    @Test
    void theBashCompletionScriptKnowsEveryCommandAndOption(@TempDir Path dir) throws Exception {
        Result completion = run("completion");
        assertEquals(VinfraCli.OK, completion.exit(), completion.all());
        String script = completion.out();
        for (String word : List.of("validate", "format", "generate", "import", "simulate", "lsp", "benchmark", "--cgroup", "--fail-on",
                "--warnings-as-errors")) {
            assertTrue(script.contains(word), "completes " + word);
        }
        assertFalse(script.contains("train-startup"), "hidden commands stay hidden");
        assertTrue(script.contains("complete -F _complete_vinfra -o default ./vinfra"), "./vinfra completes too");
        Path file = dir.resolve("vinfra-completion.bash");
        Files.writeString(file, script);
        // bash itself: the script loads, and completing "./vinfra sim" offers simulate
        Process bash = new ProcessBuilder("bash", "-c", "source " + file + " && COMP_WORDS=(./vinfra sim) COMP_CWORD=1 COMP_LINE='./vinfra sim'"
                + " COMP_POINT=12 && _complete_vinfra && printf '%s\\n' \"${COMPREPLY[@]}\"").redirectErrorStream(true).start();
        String offered = new String(bash.getInputStream().readAllBytes());
        assertEquals(0, bash.waitFor(), offered);
        assertTrue(offered.lines().anyMatch(line -> line.trim().equals("simulate")), "bash completes ./vinfra sim to simulate: " + offered);
    }
}
