package org.vinfra.lang.formatting2;

import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.AbstractElement;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.Alternatives;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Group;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.formatting2.AbstractJavaFormatter;
import org.eclipse.xtext.formatting2.IFormattableDocument;
import org.eclipse.xtext.formatting2.regionaccess.IEObjectRegion;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.xbase.lib.Pair;
import org.vinfra.lang.vinfra.Model;

/**
 * The layout of a .vinfra file, derived from the grammar so that every block formats alike:
 * one setting per line, block contents indented, single spaces between words, no space around
 * the punctuation inside values (web[1..3], 8000:80, 80/tcp, ["a", "b"]), at most one blank line
 * kept, a blank line between top-level elements. Comments stay where they are.
 */
public class VinfraFormatter extends AbstractJavaFormatter {

    private static final Set<String> NO_SPACE_BEFORE = Set.of(",", ":", "/", "..", "]");
    private static final Set<String> NO_SPACE_AFTER = Set.of(":", "/", "..", "[");

    @Override
    public void format(Object object, IFormattableDocument document) {
        if (object instanceof XtextResource resource) {
            if (!resource.getContents().isEmpty()) {
                format(resource.getContents().get(0), document);
            }
        } else if (object instanceof Model model) {
            formatModel(model, document);
        } else if (object instanceof EObject element) {
            formatElement(element, document);
        }
    }

    private void formatModel(Model model, IFormattableDocument document) {
        boolean first = true;
        for (EObject child : model.eContents()) {
            boolean isElement = !(child instanceof org.vinfra.lang.vinfra.Import);
            if (first) {
                document.prepend(child, it -> {
                    it.setNewLines(0, 0, 0);
                    it.noSpace();
                });
            } else {
                document.prepend(child, it -> it.setNewLines(isElement ? 2 : 1, isElement ? 2 : 1, 2));
            }
            first = false;
            formatElement(child, document);
        }
        IEObjectRegion root = regionForEObject(model);
        if (root != null && !model.eContents().isEmpty()) {
            document.append(model.eContents().get(model.eContents().size() - 1), it -> it.setNewLines(1));
        }
    }

    private void formatElement(EObject element, IFormattableDocument document) {
        for (ISemanticRegion region : semanticRegions(element)) {
            normalizeInside(region, document);
            document.prepend(region, it -> {
                it.oneSpace();
                it.lowPriority();
            });
            String text = region.getText();
            if (region.getGrammarElement() instanceof Keyword) {
                if (NO_SPACE_BEFORE.contains(text) || ("[".equals(text) && isReplication(region))) {
                    document.prepend(region, it -> it.noSpace());
                }
                if (NO_SPACE_AFTER.contains(text) && !(region.getSemanticElement() instanceof org.vinfra.lang.settings.MapEntry)) {
                    document.append(region, it -> it.noSpace());
                }
                if ("{".equals(text) && region.getSemanticElement() instanceof org.vinfra.lang.settings.Value) {
                    document.append(region, it -> it.noSpace());
                }
                if ("}".equals(text) && region.getSemanticElement() instanceof org.vinfra.lang.settings.Value) {
                    document.prepend(region, it -> it.noSpace());
                }
            }
            if (startsSetting(region.getGrammarElement())) {
                document.prepend(region, it -> it.setNewLines(1, 1, 2));
            }
            // an image's last stage starts on its own line after the earlier stages ('from' after a stage's '}')
            if ("from".equals(text) && region.getSemanticElement() instanceof org.vinfra.lang.vinfra.Image image && !image.getStages().isEmpty()) {
                document.prepend(region, it -> it.setNewLines(1, 1, 2));
            }
        }
        // a typed value's mapping ({"a": 1}) stays on its line
        for (Pair<ISemanticRegion, ISemanticRegion> braces : element instanceof org.vinfra.lang.settings.Value ? List.<Pair<ISemanticRegion, ISemanticRegion>>of()
                : regionFor(element).keywordPairs("{", "}")) {
            document.interior(braces.getKey(), braces.getValue(), it -> it.indent());
            document.append(braces.getKey(), it -> it.setNewLines(1, 1, 2));
            document.prepend(braces.getValue(), it -> it.setNewLines(1));
        }
        for (EObject child : element.eContents()) {
            IEObjectRegion region = regionForEObject(child);
            if (region != null && startsSetting(region.getGrammarElement())) {
                document.prepend(child, it -> it.setNewLines(1, 1, 2));
            }
            formatElement(child, document);
        }
    }

    /**
     * A value written with several tokens (a quantity such as {@code 1   Gbps}, an address, a qualified name) is one region
     * for the formatter, spaces included: its tokens are joined again, one space between a number and its unit, none around
     * the dots and slashes ({@code 1 Gbps}, {@code 10.0.0.0/24}, {@code server1.eno1}). A value with a comment inside stays as
     * it is.
     */
    private static void normalizeInside(ISemanticRegion region, IFormattableDocument document) {
        String text = region.getText();
        if (text.chars().noneMatch(Character::isWhitespace) || text.contains("/*") || text.contains("//") || text.contains("#")
                || text.startsWith("\"") || text.startsWith("'")) {
            return;
        }
        String normalized = joinTokens(text);
        if (!normalized.equals(text)) {
            document.addReplacer(new org.eclipse.xtext.formatting2.ITextReplacer() {
                @Override
                public org.eclipse.xtext.formatting2.regionaccess.ITextSegment getRegion() {
                    return region;
                }

                @Override
                public org.eclipse.xtext.formatting2.ITextReplacerContext createReplacements(org.eclipse.xtext.formatting2.ITextReplacerContext context) {
                    context.addReplacement(region.replaceWith(normalized));
                    return context;
                }
            });
        }
    }

    /** The tokens of a value's text joined: one space between two words (a number and its unit), none otherwise. */
    static String joinTokens(String text) {
        StringBuilder joined = new StringBuilder();
        for (String token : text.trim().split("\\s+")) {
            if (!joined.isEmpty() && isWordChar(joined.charAt(joined.length() - 1)) && isWordChar(token.charAt(0))) {
                joined.append(' ');
            }
            joined.append(token);
        }
        return joined.toString();
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '^';
    }

    private static boolean isReplication(ISemanticRegion region) {
        return region.getSemanticElement() instanceof org.vinfra.lang.vinfra.Replication;
    }

    /** Grammar elements are few and shared: whether each starts a setting is worked out once (a large model asks for every token). */
    private static final java.util.Map<EObject, Boolean> STARTS_SETTING = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /** Whether a grammar element begins one repetition of a loop of settings, e.g. ( 'memory' memory=Size | ... )*. */
    static boolean startsSetting(EObject grammarElement) {
        if (grammarElement == null) {
            return false;
        }
        Boolean known = STARTS_SETTING.get(grammarElement);
        if (known == null) {
            known = computeStartsSetting(grammarElement);
            STARTS_SETTING.put(grammarElement, known);
        }
        return known;
    }

    private static boolean computeStartsSetting(EObject grammarElement) {
        EObject element = grammarElement;
        while (element instanceof AbstractElement abstractElement) {
            if (GrammarUtil.isMultipleCardinality(abstractElement)) {
                return !isSeparatorLoop(abstractElement) && hasBraces(GrammarUtil.containingRule(abstractElement));
            }
            EObject parent = element.eContainer();
            if (parent instanceof Assignment || parent instanceof CrossReference || parent instanceof Alternatives) {
                element = parent;
            } else if (parent instanceof Group group && group.getElements().get(0) == element) {
                element = group;
            } else {
                return false;
            }
        }
        return false;
    }

    /** Options of a one-line element (nic eth0 on lan ip ...) stay on its line; settings of a block get their own. */
    private static boolean hasBraces(AbstractRule rule) {
        return rule != null && (rule.getName().equals("Model")
                || EcoreUtil2.getAllContentsOfType(rule.getAlternatives(), Keyword.class).stream().anyMatch(k -> "{".equals(k.getValue())));
    }

    /** (',' value)* is a list, not a loop of settings. */
    private static boolean isSeparatorLoop(AbstractElement loop) {
        return loop instanceof Group group && group.getElements().get(0) instanceof Keyword keyword && ",".equals(keyword.getValue());
    }
}
