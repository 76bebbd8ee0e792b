package org.vinfra.cli;

import java.nio.file.Path;
import java.util.List;

import org.vinfra.lang.VinfraStandaloneSetup;
import org.vinfra.lang.workspace.ModelSet;

import com.google.inject.Injector;

/** The language runtime, set up once per process. */
final class Language {

    private static Injector injector;

    private Language() {
    }

    static synchronized Injector injector() {
        if (injector == null) {
            injector = new VinfraStandaloneSetup().createInjectorAndDoEMFRegistration();
        }
        return injector;
    }

    /** Loads the files; a file that cannot be read is a user error (exit 2). */
    static ModelSet load(List<Path> files) {
        ModelSet models = injector().getInstance(ModelSet.class);
        try {
            models.load(files);
        } catch (ModelSet.UnreadableFileException e) {
            throw new UserError(e.getMessage(), VinfraCli.USAGE_OR_IO);
        }
        return models;
    }
}
