package org.vinfra.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.SaveOptions;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.serializer.ISerializer;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.vinfra.formats.compose.ComposeImporter;
import org.vinfra.formats.docker.DockerfileImporter;
import org.vinfra.formats.lxc.LxcConfigImporter;
import org.vinfra.lang.validation.IssueCodes;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.VinfraFactory;
import org.vinfra.lang.workspace.Problem;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * Reads compose files, Dockerfiles and LXC configs into one model and writes it as formatted
 * .vinfra text. What the model has no concept for is kept as typed {@code native} settings, never
 * dropped silently. The model is validated before it is given back: an error of the language is
 * reported at the place of the imported file it comes from, and then no text is given.
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
            if (name.equals("dockerfile") || name.startsWith("dockerfile.") || name.endsWith(".dockerfile") || name.endsWith(".containerfile")
                    || name.equals("containerfile")) {
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
    private IResourceValidator validator;

    /** Reads the files with the process environment; paths in the model are absolute. */
    public Result read(List<Path> files) throws IOException {
        return read(files, null, System.getenv());
    }

    /**
     * @param model       the .vinfra file the result will be written to (paths in it are made relative to it), or null
     * @param environment the variables compose files are interpolated with (before those of their .env file)
     */
    public Result read(List<Path> files, Path model, Map<String, String> environment) throws IOException {
        ImportReport report = new ImportReport();
        // keywords may be names: the serializer writes them with a caret (service ^host)
        ModelNames names = new ModelNames(Set.of());
        ImportContext context = new ImportContext(environment, model == null ? null : model.toAbsolutePath().getParent());
        Model result = VinfraFactory.eINSTANCE.createModel();
        for (Path file : files) {
            String text = Files.readString(file);
            Format format = Format.of(file, text);
            if (format == null) {
                report.malformed(file, 1, 1, "Cannot tell what this file is: name compose files *.yaml or *.yml, Dockerfiles Dockerfile or"
                        + " NAME.Dockerfile, LXC configs config or *.conf.");
                continue;
            }
            try {
                switch (format) {
                    case COMPOSE -> ComposeImporter.read(file, text, result, report, names, context);
                    case DOCKERFILE -> DockerfileImporter.read(file, text, result, report, names, context);
                    case LXC -> LxcConfigImporter.read(file, text, result, report, names, context);
                }
            } catch (RuntimeException e) {
                // a fault of the importer, not of the file: say so, positioned, rather than a stack trace
                report.malformed(file, 1, 1, "vinfra could not import this file: a bug of vinfra, not of the file. Please report it with"
                        + " the file (VINFRA_DEBUG=1 shows the details); meanwhile, import the other files without it.");
                debug(e);
            }
        }
        if (report.hasErrors() || result.getElements().isEmpty()) {
            return new Result("", report);
        }
        String text;
        try {
            text = serialize(result, model);
        } catch (RuntimeException e) {
            Path first = files.isEmpty() ? Path.of("imported.vinfra") : files.get(0);
            report.malformed(first, 1, 1, "vinfra could not write the imported model: a bug of vinfra, not of the files. Please report it"
                    + " with the files (VINFRA_DEBUG=1 shows the details).");
            debug(e);
            return new Result("", report);
        }
        checkValid(text, result, model, context, report);
        return new Result(report.hasErrors() ? "" : text, report);
    }

    /** Java's account of a fault, for the one who reports it: only with VINFRA_DEBUG set. */
    private static void debug(RuntimeException e) {
        if (System.getenv("VINFRA_DEBUG") != null) {
            e.printStackTrace();
        }
    }

    private String serialize(Model model, Path location) {
        XtextResourceSet resourceSet = resourceSets.get();
        Resource resource = resourceSet.createResource(uri(location));
        resource.getContents().add(model);
        String text = serializer.serialize(model, SaveOptions.newBuilder().format().getOptions());
        return text.endsWith("\n") ? text : text + "\n";
    }

    private static URI uri(Path location) {
        return location == null ? URI.createURI("imported.vinfra") : URI.createFileURI(location.toAbsolutePath().normalize().toString());
    }

    /**
     * Parses and validates the text as it will be written: each error is reported at the place of
     * the imported file its element comes from (found by the element's path in the model, which the
     * text reproduces).
     */
    private void checkValid(String text, Model imported, Path location, ImportContext context, ImportReport report) throws IOException {
        XtextResourceSet resourceSet = resourceSets.get();
        XtextResource resource = (XtextResource) resourceSet.createResource(uri(location));
        resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), resourceSet.getLoadOptions());
        EcoreUtil.resolveAll(resourceSet);
        for (Issue issue : validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl)) {
            if (issue.getSeverity() != org.eclipse.xtext.diagnostics.Severity.ERROR) {
                continue;
            }
            EObject element = null;
            if (issue.getUriToProblem() != null && issue.getUriToProblem().fragment() != null) {
                element = imported.eResource().getEObject(issue.getUriToProblem().fragment());
            }
            Position at = element == null ? null : context.origin(element);
            String code = issue.getCode() == null || issue.getCode().startsWith("org.eclipse.xtext") ? IssueCodes.SYNTAX_ERROR : issue.getCode();
            String message = "Imported as it is, this would be an invalid model: " + issue.getMessage()
                    + " Correct the imported file here (or the model after a corrected import).";
            if (at == null) {
                Path first = context.origin(imported) != null ? context.origin(imported).file() : Path.of("imported.vinfra");
                report.add(new Position(first, 1, 1), Problem.Severity.ERROR, code, message + " (in the imported model, line "
                        + issue.getLineNumber() + ")");
            } else {
                report.add(at, Problem.Severity.ERROR, code, message);
            }
        }
    }
}
