package org.vinfra.lang.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.vinfra.lang.VinfraStandaloneSetup;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.lang.workspace.Problem;

import com.google.inject.Injector;

/** Parses and validates models from text, as the tools do. */
final class Models {

    static final Injector INJECTOR = new VinfraStandaloneSetup().createInjectorAndDoEMFRegistration();

    private Models() {
    }

    static ModelSet load(String text) {
        ModelSet models = INJECTOR.getInstance(ModelSet.class);
        try {
            models.loadText("test.vinfra", text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return models;
    }

    static Model parse(String text) {
        return load(text).models().get(0);
    }

    static List<Problem> problems(String text) {
        return load(text).validate();
    }

    static List<String> codes(String text) {
        return problems(text).stream().map(Problem::code).toList();
    }

    static Path root() {
        String root = System.getProperty("vinfra.root");
        return root == null ? Path.of("../..").toAbsolutePath().normalize() : Path.of(root);
    }
}
