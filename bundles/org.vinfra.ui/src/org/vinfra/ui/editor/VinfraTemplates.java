package org.vinfra.ui.editor;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.templates.DocumentTemplateContext;
import org.eclipse.jface.text.templates.GlobalTemplateVariables;
import org.eclipse.jface.text.templates.Template;
import org.eclipse.jface.text.templates.TemplateContextType;
import org.eclipse.jface.text.templates.TemplateProposal;
import org.eclipse.swt.graphics.Image;

/**
 * The language server's snippets (the templates of the blocks people write most, offered only where a top-level element
 * may start) as Eclipse template proposals: the snippet's fields ({@code ${1:name}}) become linked fields that Tab moves
 * between, and {@code $0} is where the cursor ends. The snippets themselves are written once, in the language
 * ({@code Snippets}).
 */
public final class VinfraTemplates {

    private static final String CONTEXT = "org.vinfra.ui.templates";

    private static final TemplateContextType CONTEXT_TYPE = contextType();

    /** {@code ${N:default}}, {@code ${N}}, {@code $N} or an escaped character ({@code \$}, {@code \}}, {@code \\}). */
    private static final Pattern SNIPPET_PART = Pattern.compile("\\$\\{(\\d+)(?::([^}]*))?\\}|\\$(\\d+)|\\\\([\\\\$}])");

    private VinfraTemplates() {
    }

    private static TemplateContextType contextType() {
        TemplateContextType type = new TemplateContextType(CONTEXT, "vinfra");
        type.addResolver(new GlobalTemplateVariables.Cursor());
        return type;
    }

    /** A proposal that replaces {@code replaced} with a snippet written in LSP snippet syntax. */
    static ICompletionProposal proposal(IDocument document, IRegion replaced, String name, String description, String snippet, Image image) {
        Template template = new Template(name, description == null ? "" : description, CONTEXT, toTemplatePattern(snippet), false);
        DocumentTemplateContext context = new DocumentTemplateContext(CONTEXT_TYPE, document, replaced.getOffset(), replaced.getLength());
        return new TemplateProposal(template, context, replaced, image, 0);
    }

    /**
     * An LSP snippet as an Eclipse template pattern: {@code ${N:default}} becomes the variable {@code ${default}} (the
     * default is its text; the same field written twice is one linked variable), {@code $0} becomes {@code ${cursor}}
     * and a literal {@code $} becomes {@code $$}. A default that is not a single word, or that two different fields
     * share, stays plain text (Eclipse names variables by their text).
     */
    static String toTemplatePattern(String snippet) {
        StringBuilder pattern = new StringBuilder();
        Map<String, String> fieldOfDefault = new HashMap<>();
        Matcher part = SNIPPET_PART.matcher(snippet);
        int last = 0;
        while (part.find()) {
            pattern.append(snippet.substring(last, part.start()).replace("$", "$$"));
            last = part.end();
            if (part.group(4) != null) {
                pattern.append(part.group(4).equals("$") ? "$$" : part.group(4));
                continue;
            }
            String field = part.group(1) != null ? part.group(1) : part.group(3);
            String text = part.group(2) != null ? part.group(2) : "";
            if (field.equals("0")) {
                pattern.append("${cursor}");
            } else if (text.matches("\\w+") && fieldOfDefault.getOrDefault(text, field).equals(field)) {
                fieldOfDefault.put(text, field);
                pattern.append("${").append(text).append('}');
            } else {
                pattern.append(text.replace("$", "$$"));
            }
        }
        pattern.append(snippet.substring(last).replace("$", "$$"));
        return pattern.toString();
    }
}
