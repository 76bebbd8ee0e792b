package org.vinfra.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.resource.SaveOptions;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.serializer.ISerializer;
import org.vinfra.formats.compose.ComposeImporter;
import org.vinfra.formats.docker.DockerfileImporter;
import org.vinfra.formats.lxc.LxcConfigImporter;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.VinfraFactory;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * Reads compose files, Dockerfiles and LXC configs into one model and writes it as formatted
 * .vinfra text. What the model cannot express is reported, never dropped silently.
 */
public class Importer {

    /** The imported model as text (empty when the input has errors), and what the import reported (positioned in the files read). */
    public record Result(String text, ImportReport report) {
    }

    /** The formats an import reads. */
    public enum Format {
        COMPOSE, DOCKERFILE, LXC;

        /** The format of a file, by its name, else by its content; null when it cannot be told. */
        public static Format of(Path file, String text) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                return COMPOSE;
            }
            if (name.equals("dockerfile") || name.startsWith("dockerfile.") || name.endsWith(".dockerfile")) {
                return DOCKERFILE;
            }
            if (name.equals("config") || name.endsWith(".conf") || text.lines().anyMatch(l -> l.trim().startsWith("lxc."))) {
                return LXC;
            }
            return text.lines().anyMatch(l -> l.trim().toUpperCase(Locale.ROOT).startsWith("FROM ")) ? DOCKERFILE : null;
        }
    }

    @Inject
    private ISerializer serializer;

    @Inject
    private Provider<XtextResourceSet> resourceSets;

    @Inject
    private IGrammarAccess grammar;

    public Result read(List<Path> files) throws IOException {
        ImportReport report = new ImportReport();
        ModelNames names = new ModelNames(reservedWords());
        Model model = VinfraFactory.eINSTANCE.createModel();
        for (Path file : files) {
            String text = Files.readString(file);
            Format format = Format.of(file, text);
            if (format == null) {
                report.malformed(file, 1, 1, "Cannot tell what this file is: name compose files *.yaml or *.yml, Dockerfiles Dockerfile or"
                        + " NAME.Dockerfile, LXC configs config or *.conf.");
                continue;
            }
            switch (format) {
                case COMPOSE -> ComposeImporter.read(file, text, model, report, names);
                case DOCKERFILE -> model.getElements().add(DockerfileImporter.read(file, text, report, names, null));
                case LXC -> LxcConfigImporter.read(file, text, model, report, names);
            }
        }
        if (report.hasErrors() || model.getElements().isEmpty()) {
            return new Result("", report);
        }
        return new Result(serialize(model), report);
    }

    private String serialize(Model model) {
        XtextResourceSet resourceSet = resourceSets.get();
        Resource resource = resourceSet.createResource(URI.createURI("imported.vinfra"));
        resource.getContents().add(model);
        String text = serializer.serialize(model, SaveOptions.newBuilder().format().getOptions());
        return text.endsWith("\n") ? text : text + "\n";
    }

    /** Keywords of the language that cannot be names (the words of rule ValidID can). */
    private Set<String> reservedWords() {
        Set<String> reserved = new HashSet<>(GrammarUtil.getAllKeywords(grammar.getGrammar()));
        org.eclipse.xtext.AbstractRule validId = GrammarUtil.findRuleForName(grammar.getGrammar(), "ValidID");
        if (validId != null) {
            for (Keyword keyword : EcoreUtil2.getAllContentsOfType(validId, Keyword.class)) {
                reserved.remove(keyword.getValue());
            }
        }
        return reserved;
    }
}
