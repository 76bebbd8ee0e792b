package org.vinfra.lang.edit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ExtensibleURIConverterImpl;
import org.eclipse.emf.ecore.resource.impl.URIHandlerImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.diagnostics.AbstractDiagnostic;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.vinfra.lang.validation.Messages;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * Checks an edit before it is answered: applies it to a copy of every loaded file, parses and links
 * the copy, and refuses when the copy has a syntax or linking error the files did not have, when a
 * reference would come to mean another element than it did (except where the operation means to
 * change it), or when the copy does not hold what the operation intended.
 */
class Verifier {

    /** For {@link Expectation#change}: the reference may resolve to anything (it must still resolve). */
    static final String ANY = "*";

    @Inject
    private Provider<XtextResourceSet> resourceSets;

    @Inject
    private IResourceFactory resourceFactory;

    /** What an operation expects of the files after its edits. */
    static final class Expectation {
        private boolean keepLinks = true;
        private final Map<String, String> changes = new HashMap<>();
        private Function<ResourceSet, String> check = copy -> null;

        /** The model's structure changes (elements removed): references are not compared one by one. */
        Expectation structureChanges() {
            keepLinks = false;
            return this;
        }

        /** The reference with this key (see {@link Links.Link#key()}) is meant to resolve to {@code targetKey} (or {@link #ANY}). */
        Expectation change(String key, String targetKey) {
            changes.put(key, targetKey);
            return this;
        }

        /** What the copy must hold: the function answers null when it does, else what is wrong. */
        Expectation check(Function<ResourceSet, String> holds) {
            check = holds;
            return this;
        }
    }

    /**
     * @param original the loaded files, linked (the edits' offsets refer to their current texts)
     * @param edits    the edits per file
     * @return {@link EditResult.Applied} with the edits, or {@link EditResult.Refused} saying why
     */
    EditResult verify(ResourceSet original, Map<URI, List<TextEdit>> edits, String description, List<String> notes, Expectation expectation) {
        List<String> allNotes = new ArrayList<>(notes);
        Set<URI> affected = affected(original, edits.keySet());
        ResourceSet copy;
        try {
            copy = copyWith(original, edits, affected);
        } catch (IOException | IllegalArgumentException e) {
            return new EditResult.Refused("vinfra could not apply its own edit (" + e.getMessage() + "). Nothing was changed; please report"
                    + " this with the file.");
        }
        EcoreUtil.resolveAll(copy);

        String syntax = newSyntaxError(copy, edits);
        if (syntax != null) {
            return new EditResult.Refused("The edit would leave a syntax error: " + syntax + ". Nothing was changed.");
        }
        List<String> broken = newErrors(resources(original, affected), resources(copy, affected));
        if (!broken.isEmpty()) {
            return new EditResult.Refused("The edit would leave " + (broken.size() == 1 ? "a reference" : broken.size() + " references")
                    + " unresolved: " + String.join("; ", broken.subList(0, Math.min(3, broken.size())))
                    + (broken.size() > 3 ? "; and " + (broken.size() - 3) + " more" : "") + ". Nothing was changed.");
        }
        if (expectation.keepLinks) {
            String changed = compareLinks(resources(original, affected), resources(copy, affected), expectation, allNotes);
            if (changed != null) {
                return new EditResult.Refused(changed);
            }
        }
        String wrong = expectation.check.apply(copy);
        if (wrong != null) {
            return new EditResult.Refused("The edit would not give the intended model: " + wrong + ". Nothing was changed; please report this"
                    + " with the file.");
        }
        return new EditResult.Applied(edits, description, allNotes);
    }

    /**
     * The files whose parse or links an edit can change: the edited files and the loaded files that
     * import them, directly or not. References in other files cannot see the edited text.
     */
    static Set<URI> affected(ResourceSet original, Set<URI> edited) {
        Set<URI> affected = new LinkedHashSet<>(edited);
        boolean grown = true;
        while (grown) {
            grown = false;
            for (Resource resource : List.copyOf(original.getResources())) {
                if (!affected.contains(resource.getURI())
                        && Names.imported(resource).stream().anyMatch(imported -> affected.contains(imported.getURI()))) {
                    affected.add(resource.getURI());
                    grown = true;
                }
            }
        }
        return affected;
    }

    private static List<Resource> resources(ResourceSet set, Set<URI> uris) {
        List<Resource> resources = new ArrayList<>();
        for (URI uri : uris) {
            Resource resource = set.getResource(uri, false);
            if (resource != null) {
                resources.add(resource);
            }
        }
        return resources;
    }

    /**
     * A new resource set with the affected files parsed from their texts after the edits; the other
     * loaded files are parsed from their current texts (which may differ from the disk) when a
     * reference needs them.
     */
    private ResourceSet copyWith(ResourceSet original, Map<URI, List<TextEdit>> edits, Set<URI> affected) throws IOException {
        for (URI uri : edits.keySet()) {
            if (!(original.getResource(uri, false) instanceof XtextResource)) {
                throw new IllegalArgumentException("no loaded file " + uri);
            }
        }
        Map<URI, String> texts = new HashMap<>();
        for (Resource resource : List.copyOf(original.getResources())) {
            if (resource instanceof XtextResource xtext && xtext.getParseResult() != null) {
                texts.put(resource.getURI(), xtext.getParseResult().getRootNode().getText());
            }
        }
        XtextResourceSet copy = resourceSets.get();
        ExtensibleURIConverterImpl converter = new ExtensibleURIConverterImpl();
        converter.getURIMap().putAll(original.getURIConverter().getURIMap());
        converter.getURIHandlers().add(0, new CurrentTexts(texts));
        copy.setURIConverter(converter);
        copy.getLoadOptions().putAll(original.getLoadOptions());
        copy.getResourceFactoryRegistry().getExtensionToFactoryMap().put("vinfra", resourceFactory);
        for (URI uri : affected) {
            String text = texts.get(uri);
            if (text == null) {
                continue;
            }
            List<TextEdit> fileEdits = edits.get(uri);
            if (fileEdits != null) {
                text = TextEdit.apply(text, fileEdits);
            }
            Resource fresh = resourceFactory.createResource(uri);
            copy.getResources().add(fresh);
            fresh.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), copy.getLoadOptions());
        }
        return copy;
    }

    /** Serves the loaded files' current texts, so that files loaded on demand in the copy are as the user sees them. */
    private static final class CurrentTexts extends URIHandlerImpl {
        private final Map<URI, String> texts;

        CurrentTexts(Map<URI, String> texts) {
            this.texts = texts;
        }

        @Override
        public boolean canHandle(URI uri) {
            return texts.containsKey(uri);
        }

        @Override
        public InputStream createInputStream(URI uri, Map<?, ?> options) {
            return new ByteArrayInputStream(texts.get(uri).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public boolean exists(URI uri, Map<?, ?> options) {
            return true;
        }
    }

    private static String newSyntaxError(ResourceSet copy, Map<URI, List<TextEdit>> edits) {
        for (URI uri : edits.keySet()) {
            if (copy.getResource(uri, false) instanceof XtextResource resource && resource.getParseResult().hasSyntaxErrors()) {
                for (Resource.Diagnostic error : resource.getErrors()) {
                    return uri.lastSegment() + ":" + error.getLine() + ": " + error.getMessage();
                }
                return uri.lastSegment();
            }
        }
        return null;
    }

    /** Errors of the copy that the original files did not have (by file and message; positions move with edits). */
    private static List<String> newErrors(List<Resource> original, List<Resource> copy) {
        Map<String, Integer> before = new HashMap<>();
        for (Resource resource : original) {
            for (Resource.Diagnostic error : resource.getErrors()) {
                before.merge(errorKey(resource, error), 1, Integer::sum);
            }
        }
        List<String> added = new ArrayList<>();
        for (Resource resource : copy) {
            for (Resource.Diagnostic error : resource.getErrors()) {
                String key = errorKey(resource, error);
                int left = before.getOrDefault(key, 0);
                if (left > 0) {
                    before.put(key, left - 1);
                } else {
                    added.add(resource.getURI().lastSegment() + ":" + error.getLine() + ": " + error.getMessage());
                }
            }
        }
        return added;
    }

    private static String errorKey(Resource resource, Resource.Diagnostic error) {
        String code = error instanceof AbstractDiagnostic diagnostic ? diagnostic.getCode() : "";
        return resource.getURI() + "|" + code + "|" + error.getMessage();
    }

    /**
     * Every reference that resolved before resolves to the same element after, but for those the
     * operation means to change; references that resolved to nothing and now resolve are noted.
     */
    private static String compareLinks(List<Resource> original, List<Resource> copy, Expectation expectation, List<String> notes) {
        Map<String, Links.Link> before = byKey(Links.all(original));
        Map<String, Links.Link> after = byKey(Links.all(copy));
        for (Map.Entry<String, Links.Link> entry : before.entrySet()) {
            String key = entry.getKey();
            Links.Link was = entry.getValue();
            Links.Link now = after.get(key);
            String wasTarget = was.targetKey();
            String nowTarget = now == null ? null : now.targetKey();
            if (expectation.changes.containsKey(key)) {
                continue;
            }
            if (wasTarget != null && !wasTarget.equals(nowTarget)) {
                return "The edit would change what '" + SourceText.tokens(was.node()) + "' at " + SourceText.location(was.source())
                        + " refers to: " + Messages.describe(was.target()) + " before, " + (now == null || now.target() == null ? "nothing"
                                : Messages.describe(now.target())) + " after. An edit must not change the meaning of other references;"
                        + " choose another name or place. Nothing was changed.";
            }
            if (wasTarget == null && nowTarget != null) {
                notes.add("'" + SourceText.tokens(was.node()) + "' at " + SourceText.location(was.source()) + ", which referred to nothing,"
                        + " now refers to " + Messages.describe(now.target()) + ".");
            }
        }
        for (Map.Entry<String, String> change : expectation.changes.entrySet()) {
            if (ANY.equals(change.getValue())) {
                continue;
            }
            Links.Link now = after.get(change.getKey());
            String nowTarget = now == null ? null : now.targetKey();
            if (!Objects.equals(change.getValue(), nowTarget)) {
                return "The edit would not make " + (now == null ? "the new reference" : "'" + SourceText.tokens(now.node()) + "'")
                        + " refer to the intended element (it would refer to " + (now == null || now.target() == null ? "nothing"
                                : Messages.describe(now.target()) + " at " + SourceText.location(now.target()))
                        + "), probably because another element of that name is nearer. Rename one of them first. Nothing was changed.";
            }
        }
        return null;
    }

    private static Map<String, Links.Link> byKey(List<Links.Link> links) {
        Map<String, Links.Link> map = new LinkedHashMap<>();
        for (Links.Link link : links) {
            map.put(link.key(), link);
        }
        return map;
    }

    /** The element at a key (see {@link Links#key(EObject)}) in another copy of the files, or null. */
    static EObject find(ResourceSet resources, String key) {
        int hash = key.indexOf('#');
        Resource resource = resources.getResource(URI.createURI(key.substring(0, hash)), false);
        if (resource == null || resource.getContents().isEmpty()) {
            return null;
        }
        EObject current = resource.getContents().get(0);
        String path = key.substring(hash + 1);
        for (String step : path.split("/")) {
            if (step.isEmpty()) {
                continue;
            }
            int dot = step.indexOf('.');
            String featureName = dot < 0 ? step : step.substring(0, dot);
            var feature = current.eClass().getEStructuralFeature(featureName);
            if (feature == null) {
                return null;
            }
            Object value = current.eGet(feature);
            if (dot < 0) {
                current = (EObject) value;
            } else {
                List<?> list = (List<?>) value;
                int index = Integer.parseInt(step.substring(dot + 1));
                current = index < list.size() ? (EObject) list.get(index) : null;
            }
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** The line of an element, for messages about the copy. */
    static int line(EObject element) {
        var node = NodeModelUtils.getNode(element);
        return node == null ? 0 : node.getStartLine();
    }
}
