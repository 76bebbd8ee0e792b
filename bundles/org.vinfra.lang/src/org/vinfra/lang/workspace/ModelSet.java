package org.vinfra.lang.workspace;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.resource.ExternalContentSupport;
import org.eclipse.xtext.resource.IExternalContentSupport;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.vinfra.lang.validation.IssueCodes;
import org.vinfra.lang.vinfra.Model;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * The .vinfra files a tool works on, loaded into one resource set (with the files they import),
 * and their diagnostics. Used alike by the command line, the Maven plugin and the tests.
 */
public class ModelSet {

    @Inject
    private Provider<XtextResourceSet> resourceSets;

    @Inject
    private IResourceValidator validator;

    private XtextResourceSet resourceSet;
    /** Given path -> resource, in the order given. */
    private final Map<Path, XtextResource> given = new LinkedHashMap<>();

    /** Thrown when a file cannot be read: the message says which and why. */
    public static final class UnreadableFileException extends IOException {
        private static final long serialVersionUID = 1L;

        public UnreadableFileException(String message) {
            super(message);
        }
    }

    /**
     * Loads the files (and, on demand, what they import).
     *
     * @throws UnreadableFileException when a file is missing, a directory, or cannot be read
     */
    public void load(List<Path> files) throws UnreadableFileException {
        load(files, Map.of());
    }

    /**
     * Loads the files, reading the given texts instead of the disk for the files they name (an editor's
     * unsaved documents), for the files given and for those they import.
     *
     * @param unsaved absolute, normalized path -> the text to read instead of the file's
     * @throws UnreadableFileException when a file is missing, a directory, or cannot be read
     */
    public void load(List<Path> files, Map<Path, String> unsaved) throws UnreadableFileException {
        resourceSet = resourceSets.get();
        if (!unsaved.isEmpty()) {
            new ExternalContentSupport().configureResourceSet(resourceSet, new UnsavedTexts(unsaved));
        }
        for (Path file : files) {
            if (!Files.exists(file)) {
                throw new UnreadableFileException(file + ": no such file");
            }
            if (Files.isDirectory(file)) {
                throw new UnreadableFileException(file + ": is a directory; give the .vinfra files in it");
            }
            if (!file.getFileName().toString().endsWith(".vinfra")) {
                throw new UnreadableFileException(file + ": not a .vinfra file");
            }
            URI uri = URI.createFileURI(file.toAbsolutePath().normalize().toString());
            XtextResource resource = (XtextResource) resourceSet.createResource(uri);
            String text = unsaved.get(file.toAbsolutePath().normalize());
            try (InputStream in = text != null ? new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))
                    : Files.newInputStream(file)) {
                resource.load(in, resourceSet.getLoadOptions());
            } catch (IOException e) {
                throw new UnreadableFileException(file + ": cannot be read (" + e.getMessage() + ")");
            }
            given.put(file, resource);
        }
    }

    /** An editor's unsaved texts, read instead of the files (for imported files too). */
    private record UnsavedTexts(Map<Path, String> texts) implements IExternalContentSupport.IExternalContentProvider {

        @Override
        public String getContent(URI uri) {
            return uri.isFile() ? texts.get(Path.of(uri.toFileString()).toAbsolutePath().normalize()) : null;
        }

        @Override
        public boolean hasContent(URI uri) {
            return getContent(uri) != null;
        }

        @Override
        public IExternalContentSupport.IExternalContentProvider getActualContentProvider() {
            return this;
        }
    }

    /** Loads one model from text (for tests and editors); {@code name} is its file name. */
    public XtextResource loadText(String name, String text) throws IOException {
        if (resourceSet == null) {
            resourceSet = resourceSets.get();
        }
        URI uri = URI.createFileURI(Path.of(name).toAbsolutePath().normalize().toString());
        XtextResource resource = (XtextResource) resourceSet.createResource(uri);
        resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), resourceSet.getLoadOptions());
        given.put(Path.of(name), resource);
        return resource;
    }

    /**
     * The models of the given files, then those of every file they import, in the order they were
     * loaded: what a simulation runs (a VM's hosts may be declared in an imported file). Call after
     * {@link #resolve()} or {@link #validate()}, which load the imported files.
     */
    public List<Model> modelsWithImports() {
        List<Model> models = models();
        if (resourceSet != null) {
            for (Resource resource : List.copyOf(resourceSet.getResources())) {
                if (!resource.getContents().isEmpty() && resource.getContents().get(0) instanceof Model model && !models.contains(model)) {
                    models.add(model);
                }
            }
        }
        return models;
    }

    public List<Model> models() {
        List<Model> models = new ArrayList<>();
        for (XtextResource resource : given.values()) {
            if (!resource.getContents().isEmpty() && resource.getContents().get(0) instanceof Model model) {
                models.add(model);
            }
        }
        return models;
    }

    public XtextResourceSet resourceSet() {
        return resourceSet;
    }

    /** Links everything, validates every loaded file (given and imported) and returns the problems, sorted by file and position. */
    /** Links the loaded files, loading the files they import (which {@link #modelsWithImports()} then lists). */
    public void resolve() {
        EcoreUtil.resolveAll(resourceSet);
    }

    /** Links, then validates every file of the set; the problems sorted by file, line and column. */
    public List<Problem> validate() {
        resolve();
        List<Problem> problems = new ArrayList<>();
        for (Resource resource : List.copyOf(resourceSet.getResources())) {
            Path shown = shownPath(resource);
            for (Issue issue : validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl)) {
                problems.add(toProblem(shown, issue));
            }
        }
        problems.sort(Comparator.comparing((Problem p) -> p.file().toString()).thenComparingInt(Problem::line).thenComparingInt(Problem::column));
        return problems;
    }

    private Path shownPath(Resource resource) {
        for (Map.Entry<Path, XtextResource> entry : given.entrySet()) {
            if (entry.getValue() == resource) {
                return entry.getKey();
            }
        }
        Path absolute = Path.of(resource.getURI().toFileString());
        Path here = Path.of("").toAbsolutePath();
        return absolute.startsWith(here) ? here.relativize(absolute) : absolute;
    }

    static Problem toProblem(Path file, Issue issue) {
        Problem.Severity severity = switch (issue.getSeverity()) {
            case ERROR -> Problem.Severity.ERROR;
            case WARNING -> Problem.Severity.WARNING;
            default -> Problem.Severity.INFO;
        };
        int line = issue.getLineNumber() == null ? 1 : issue.getLineNumber();
        int column = issue.getColumn() == null ? 1 : issue.getColumn();
        int offset = issue.getOffset() == null ? -1 : issue.getOffset();
        int length = issue.getLength() == null ? 0 : issue.getLength();
        return new Problem(file, line, column, severity, codeOf(issue), issue.getMessage(), offset, length);
    }

    private static String codeOf(Issue issue) {
        return codeOf(issue.getCode());
    }

    /** The vinfra code of an Xtext diagnostic code (syntax, linking and value conversion have Xtext's own). */
    public static String codeOf(String code) {
        if (code == null || Diagnostic.SYNTAX_DIAGNOSTIC.equals(code)) {
            return IssueCodes.SYNTAX_ERROR;
        }
        if (code.startsWith("org.eclipse.xtext")) {
            return code.contains("Linking") ? IssueCodes.UNRESOLVED_REFERENCE : IssueCodes.INVALID_VALUE;
        }
        return code;
    }
}
