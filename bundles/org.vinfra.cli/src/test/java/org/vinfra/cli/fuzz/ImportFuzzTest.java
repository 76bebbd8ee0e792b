package org.vinfra.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.vinfra.formats.Importer;
import org.vinfra.lang.workspace.Problem;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Each importer on any file: no exception, every problem positioned in vinfra's words (never "a bug of
 * vinfra"), and what it imports validates.
 */
class ImportFuzzTest {

    private static Path folder;

    @BeforeAll
    static void folder() throws IOException {
        folder = Files.createTempDirectory("vinfra-fuzz-import");
    }

    @AfterAll
    static void clean() throws IOException {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @FuzzTest
    void compose(FuzzedDataProvider data) throws IOException {
        importFile("compose.yaml", LanguageFuzzTest.text(data));
    }

    @FuzzTest
    void dockerfile(FuzzedDataProvider data) throws IOException {
        importFile("Dockerfile", LanguageFuzzTest.text(data));
    }

    @FuzzTest
    void lxc(FuzzedDataProvider data) throws IOException {
        importFile("config", LanguageFuzzTest.text(data));
    }

    private static void importFile(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Importer importer = Fuzzing.language().getInstance(Importer.class);
        Importer.Result result = importer.read(List.of(file), folder.resolve("imported.vinfra"), Map.of());
        for (Problem problem : result.report().problems()) {
            assertFalse(problem.message().contains("bug of vinfra"), () -> "the importer failed: " + problem.format());
            Fuzzing.checkMessage(text, problem.message());
        }
        if (!result.text().isEmpty()) {
            Fuzzing.Loaded imported = Fuzzing.load(result.text());
            assertFalse(imported.hasErrors(), () -> "the import has errors: " + imported.problems() + "\n" + result.text());
        }
    }
}
