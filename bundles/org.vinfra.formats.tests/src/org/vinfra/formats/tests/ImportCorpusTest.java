package org.vinfra.formats.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vinfra.formats.CgroupVersion;
import org.vinfra.formats.ExportOptions;
import org.vinfra.formats.Exporter;
import org.vinfra.formats.GeneratedFiles;
import org.vinfra.formats.ImportCodes;
import org.vinfra.formats.Importer;
import org.vinfra.formats.OutputWriter;
import org.vinfra.formats.Target;
import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.lang.workspace.Problem;

/**
 * The public corpus (corpus/README.md): every file is imported into a model that validates, and
 * exported again. Dockerfiles must say the same instruction by instruction; compose files and LXC
 * configs must come back to the same export after a second import and export (nothing the first
 * export wrote is lost on the way). The comparison with the originals through docker-compose and
 * liblxc is RealToolsTest's (CLI module), which runs those tools.
 */
class ImportCorpusTest {

    static Path corpus() {
        return Path.of(System.getProperty("vinfra.root", "../..")).resolve("bundles/org.vinfra.formats.tests/corpus");
    }

    /** The entries of corpus/index.txt: expectation, path, arguments. */
    static Stream<Arguments> entries() throws IOException {
        List<Arguments> entries = new ArrayList<>();
        for (String line : Files.readAllLines(corpus().resolve("index.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.trim().split("\\s+");
            entries.add(Arguments.of(words[1], words[0], List.of(words).subList(2, words.length)));
        }
        return entries.stream();
    }

    static Stream<Arguments> entries(String kind) throws IOException {
        return entries().filter(arguments -> ((String) arguments.get()[0]).startsWith(kind + "/"));
    }

    static Stream<Arguments> compose() throws IOException {
        return entries("compose").filter(a -> ((String) a.get()[0]).matches(".*\\.ya?ml"));
    }

    static Stream<Arguments> dockerfiles() throws IOException {
        return entries().filter(a -> !((String) a.get()[0]).startsWith("lxc/") && !((String) a.get()[0]).matches(".*\\.ya?ml"));
    }

    static Stream<Arguments> lxc() throws IOException {
        return entries("lxc");
    }

    @Test
    void theCorpusIsAsLargeAsPromised() throws IOException {
        long compose = compose().filter(a -> List.of("same", "schema").contains(a.get()[1])).count();
        long dockerfiles = dockerfiles().filter(a -> a.get()[1].equals("same")).count();
        long configs = lxc().filter(a -> a.get()[1].equals("same")).count();
        assertTrue(compose >= 40, "compose files that round-trip: " + compose);
        assertTrue(dockerfiles >= 20, "Dockerfiles: " + dockerfiles);
        assertTrue(configs >= 10, "LXC configs: " + configs);
    }

    private static Importer.Result importInto(Path source, Path model) throws IOException {
        return Exports.INJECTOR.getInstance(Importer.class).read(List.of(source), model, Map.of());
    }

    /** Writes the model where the import meant it to be, loads it from there (its paths are relative to it) and exports it. */
    private static GeneratedFiles export(Importer.Result result, Path model, Path out, Target target, CgroupVersion cgroups) throws IOException {
        assertFalse(result.report().hasErrors(), result.report().problems().toString());
        Files.writeString(model, result.text());
        ModelSet models = Exports.INJECTOR.getInstance(ModelSet.class);
        models.load(List.of(model));
        List<Problem> errors = models.validate().stream().filter(Problem::isError).toList();
        assertEquals(List.of(), errors, "the imported model validates:\n" + result.text());
        ExportOptions options = new ExportOptions(java.util.Set.of(target), cgroups).writingTo(out);
        GeneratedFiles files = Exporter.export(models.models(), options);
        OutputWriter.write(files, out);
        return files;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compose")
    void composeFiles(String path, String expectation, List<String> arguments, @TempDir Path work) throws IOException {
        Path source = corpus().resolve(path);
        Importer.Result first = importInto(source, work.resolve("first.vinfra"));
        if (expectation.equals("error")) {
            Problem problem = first.report().problems().stream().filter(Problem::isError).findFirst().orElseThrow();
            assertEquals(arguments.get(0) + " " + arguments.get(1), problem.code() + " " + problem.line() + ":" + problem.column(), problem.format());
            assertEquals("", first.text(), "nothing is written");
            return;
        }
        if (expectation.equals("renamed")) {
            assertTrue(first.report().problems().stream().anyMatch(p -> p.code().equals(ImportCodes.UNSUPPORTED) && p.message().contains("imported as")),
                    first.report().problems().toString());
        }
        GeneratedFiles exported = export(first, work.resolve("first.vinfra"), work.resolve("out1"), Target.COMPOSE, CgroupVersion.V2);
        assertEquals(1, exported.size(), "one compose file");
        String name = exported.files().keySet().iterator().next();
        Importer.Result second = importInto(work.resolve("out1").resolve(name), work.resolve("second.vinfra"));
        GeneratedFiles again = export(second, work.resolve("second.vinfra"), work.resolve("out2"), Target.COMPOSE, CgroupVersion.V2);
        // the second export sits in a folder named after the first (lower case), which names its project: the header says so
        assertEquals(withoutHeader(exported.get(name)), withoutHeader(again.get(name)), "the export, imported and exported again, is the same file");
    }

    private static String withoutHeader(String text) {
        return text.startsWith("# generated") ? text.substring(text.indexOf('\n') + 1) : text;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dockerfiles")
    void dockerfiles(String path, String expectation, List<String> arguments, @TempDir Path work) throws Exception {
        Path source = corpus().resolve(path);
        // a Dockerfile named for the import: the file name says it is one
        Path named = work.resolve("image.Dockerfile");
        Files.copy(source, named);
        Importer.Result result = importInto(named, work.resolve("image.vinfra"));
        GeneratedFiles exported = export(result, work.resolve("image.vinfra"), work.resolve("out"), Target.DOCKERFILE, CgroupVersion.V2);
        String dockerfile = exported.get("images/image/Dockerfile");
        assertEquals(DockerfileMeaning.of(Files.readString(source)), DockerfileMeaning.of(dockerfile),
                "instruction by instruction, the export says what the original says:\n" + dockerfile);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lxc")
    void lxcConfigs(String path, String expectation, List<String> arguments, @TempDir Path work) throws IOException {
        Path source = corpus().resolve(path);
        String text = Files.readString(source);
        CgroupVersion cgroups = text.lines().anyMatch(l -> l.trim().startsWith("lxc.cgroup.")) ? CgroupVersion.V1 : CgroupVersion.V2;
        Path named = work.resolve(source.getFileName().toString().replace(".conf", "") + ".conf");
        Files.copy(source, named);
        Importer.Result first = importInto(named, work.resolve("first.vinfra"));
        GeneratedFiles exported = export(first, work.resolve("first.vinfra"), work.resolve("out1"), Target.LXC, cgroups);
        String config = exported.files().keySet().stream().filter(f -> f.endsWith("/config")).findFirst().orElseThrow();
        Path reread = work.resolve("again").resolve(named.getFileName());
        Files.createDirectories(reread.getParent());
        Files.writeString(reread, exported.get(config));
        Importer.Result second = importInto(reread, work.resolve("second.vinfra"));
        GeneratedFiles again = export(second, work.resolve("second.vinfra"), work.resolve("out2"), Target.LXC, cgroups);
        assertEquals(exported.get(config), again.get(config), "the export, imported and exported again, is the same config");
    }
}
