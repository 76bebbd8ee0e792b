package org.vinfra.formats.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.vinfra.formats.CgroupVersion;
import org.vinfra.formats.ExportOptions;
import org.vinfra.formats.Exporter;
import org.vinfra.formats.GeneratedFiles;
import org.vinfra.formats.Target;
import org.vinfra.lang.VinfraStandaloneSetup;
import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.lang.workspace.Problem;

import com.google.inject.Injector;

/** Exports models written in the tests, after checking they have no errors (as the tools do). */
final class Exports {

    static final Injector INJECTOR = new VinfraStandaloneSetup().createInjectorAndDoEMFRegistration();

    private Exports() {
    }

    static ModelSet load(String text) {
        ModelSet models = INJECTOR.getInstance(ModelSet.class);
        try {
            models.loadText("test.vinfra", text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Problem> errors = models.validate().stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            throw new AssertionError("the test model has errors: " + errors);
        }
        return models;
    }

    static GeneratedFiles export(String text) {
        return Exporter.export(load(text).models(), ExportOptions.all());
    }

    static GeneratedFiles export(String text, Target target, CgroupVersion cgroups) {
        return Exporter.export(load(text).models(), new ExportOptions(java.util.Set.of(target), cgroups));
    }
}
