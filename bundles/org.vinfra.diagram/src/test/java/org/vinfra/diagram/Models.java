package org.vinfra.diagram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.vinfra.diagram.graph.TopologyDiagram;
import org.vinfra.diagram.graph.TopologyGraphBuilder;
import org.vinfra.lang.VinfraStandaloneSetup;
import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.lang.workspace.Problem;

import com.google.inject.Injector;

/** Loads models as the tools do (ModelSet: parse, link, validate) and builds their diagrams. */
public final class Models {

    private static Injector injector;

    private Models() {
    }

    static synchronized Injector injector() {
        if (injector == null) {
            injector = new VinfraStandaloneSetup().createInjectorAndDoEMFRegistration();
        }
        return injector;
    }

    /** The repository (examples, docs). */
    public static Path root() {
        return Path.of(System.getProperty("vinfra.root", "../..")).toAbsolutePath().normalize();
    }

    public static Path example(String name) {
        return root().resolve("examples").resolve(name);
    }

    /** Every .vinfra file under examples/, sorted. */
    public static List<Path> examples() {
        try (Stream<Path> files = Files.walk(root().resolve("examples"))) {
            return files.filter(p -> p.toString().endsWith(".vinfra")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loaded and validated files. */
    public record Loaded(ModelSet models, List<Problem> problems) {
        public TopologyDiagram diagram(String... expanded) {
            return new TopologyGraphBuilder(Arrays.asList(expanded)).build(models, problems);
        }
    }

    public static Loaded load(Path... files) {
        ModelSet models = injector().getInstance(ModelSet.class);
        try {
            models.load(List.of(files));
        } catch (ModelSet.UnreadableFileException e) {
            throw new IllegalArgumentException(e);
        }
        return new Loaded(models, models.validate());
    }

    /** A model from text, written to a file in {@code dir} (so that positions and sidecars work as with real files). */
    public static Loaded text(Path dir, String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, text);
            return load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
