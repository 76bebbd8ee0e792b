package org.vinfra.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vinfra.lang.validation.IssueCodes;
import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.lang.workspace.Problem;

/** The examples are parsed and validated, so they never rot; the docs list every code. */
class ExamplesTest {

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.walk(Models.root().resolve("examples"))) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".vinfra")).sorted().toList();
            return list.stream();
        }
    }

    @Test
    void theCourseLabsAreThere() throws IOException {
        List<String> names = examples().map(p -> p.getFileName().toString()).toList();
        for (String lab : List.of("wordpress-compose.vinfra", "apache2-image.vinfra", "lxc-alpine.vinfra", "kvm-sriov-server.vinfra",
                "virtualbox-laptop-lab.vinfra")) {
            assertTrue(names.contains(lab), "missing example " + lab + " in " + names);
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleIsValid(Path example) throws IOException {
        ModelSet models = Models.INJECTOR.getInstance(ModelSet.class);
        models.load(List.of(example));
        List<Problem> errors = models.validate().stream().filter(Problem::isError).toList();
        assertEquals(List.of(), errors, example.toString());
    }

    @Test
    void everyCodeIsDocumented() throws IOException {
        String docs = Files.readString(Models.root().resolve("docs/diagnostics.md"));
        for (String code : IssueCodes.all()) {
            assertTrue(docs.contains("`" + code + "`"), code + " is not documented in docs/diagnostics.md");
        }
    }
}
