package org.vinfra.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.vinfra.lang.VinfraStandaloneSetup;
import org.vinfra.lang.workspace.ModelSet;

import com.google.inject.Injector;

/** The language runtime, set up once per process. */
final class Language {

    /** Marks a command that loads .vinfra files: the command line starts setting the language up early for it. */
    interface User {
    }

    /** EMF's registrations and Xtext's injector: about 200 ms of a command's start-up. */
    private static final FutureTask<Injector> SETUP = new FutureTask<>(
            () -> new VinfraStandaloneSetup().createInjectorAndDoEMFRegistration());

    private Language() {
    }

    /**
     * Starts setting the language up on a daemon thread, so it overlaps with what the command does before it
     * needs the language (picocli reading the arguments, options checked, files found). Calling it again, or
     * after {@link #injector()}, does nothing.
     */
    static void prepareInBackground() {
        Thread thread = new Thread(SETUP, "vinfra-language-setup");
        thread.setDaemon(true);
        thread.start();
    }

    /** The language's injector; sets the language up on this thread unless another has started doing so. */
    static Injector injector() {
        SETUP.run(); // returns at once when already done or running elsewhere
        try {
            return SETUP.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting the language up", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
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
