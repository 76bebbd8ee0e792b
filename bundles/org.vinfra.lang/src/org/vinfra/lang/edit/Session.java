package org.vinfra.lang.edit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.resource.XtextResource;

/**
 * The edits of one operation, file by file, with the layouts of the files it touches. Files must
 * parse without syntax errors: their syntax tree gives the ranges edits are computed from.
 */
final class Session {
    private final Verifier verifier;
    private final ResourceSet resources;
    private final Map<Resource, Layout> layouts = new HashMap<>();
    private final Map<URI, List<TextEdit>> edits = new LinkedHashMap<>();

    Session(Resource resource, Verifier verifier) {
        this.verifier = verifier;
        if (resource == null || resource.getResourceSet() == null) {
            throw new Refusal("The element is not in a loaded file.");
        }
        if (!(resource instanceof XtextResource)) {
            throw new Refusal(resource.getURI().lastSegment() + " is not a .vinfra file parsed by vinfra.");
        }
        resources = resource.getResourceSet();
        checkParses(resource);
        EcoreUtil.resolveAll(resources);
    }

    Layout layout(Resource resource) {
        return layouts.computeIfAbsent(resource, r -> {
            checkParses(r);
            return new Layout(SourceText.of((XtextResource) r));
        });
    }

    void add(Resource resource, TextEdit edit) {
        layout(resource);
        edits.computeIfAbsent(resource.getURI(), uri -> new ArrayList<>()).add(edit);
    }

    boolean isEmpty() {
        return edits.isEmpty();
    }

    EditResult verify(String description, List<String> notes, Verifier.Expectation expectation) {
        Map<URI, List<TextEdit>> sorted = new LinkedHashMap<>();
        edits.forEach((uri, list) -> sorted.put(uri, merged(list)));
        return verifier.verify(resources, sorted, description, notes, expectation);
    }

    private void checkParses(Resource resource) {
        if (!(resource instanceof XtextResource xtext) || xtext.getParseResult() == null) {
            throw new Refusal(resource.getURI().lastSegment() + " is not a .vinfra file parsed by vinfra.");
        }
        if (xtext.getParseResult().hasSyntaxErrors()) {
            INode error = xtext.getParseResult().getSyntaxErrors().iterator().next();
            throw new Refusal(resource.getURI().lastSegment() + " has a syntax error at line " + error.getStartLine() + " ("
                    + error.getSyntaxErrorMessage().getMessage() + "). Fix the text first: an edit from the diagram needs a file that"
                    + " parses, to know where each element's text is.");
        }
    }

    /** Edits in text order; overlapping deletions (two removals sharing a blank line) are merged. */
    private static List<TextEdit> merged(List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(TextEdit::offset).thenComparingInt(TextEdit::end));
        List<TextEdit> result = new ArrayList<>();
        for (TextEdit edit : sorted) {
            TextEdit last = result.isEmpty() ? null : result.get(result.size() - 1);
            if (last != null && edit.offset() < last.end()) {
                if (!last.newText().isEmpty() || !edit.newText().isEmpty()) {
                    throw new Refusal("vinfra computed overlapping edits (" + last + ", " + edit + "); nothing was changed. Please report this"
                            + " with the file.");
                }
                result.set(result.size() - 1, TextEdit.replace(last.offset(), Math.max(last.end(), edit.end()), ""));
            } else {
                result.add(edit);
            }
        }
        return result;
    }
}
