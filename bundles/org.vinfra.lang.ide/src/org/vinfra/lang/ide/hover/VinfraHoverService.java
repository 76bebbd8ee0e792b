package org.vinfra.lang.ide.hover;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.hover.HoverContext;
import org.eclipse.xtext.ide.server.hover.HoverService;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import org.vinfra.lang.workspace.ModelSet;

import com.google.inject.Inject;

/**
 * Hovers that explain: on a keyword, what it means in the course's terms ({@link KeywordHelp}); on a name or a reference,
 * the element ({@link VinfraDocumentationProvider}); and, when the line has problems, each problem in full followed by
 * that explanation, so neither hides the other. A position with nothing to say gives no hover, never an empty text.
 */
public class VinfraHoverService extends HoverService {

    @Inject
    private IResourceValidator validator;

    @Override
    public Hover hover(Document document, XtextResource resource, HoverParams params, CancelIndicator cancelIndicator) {
        int offset = document.getOffSet(params.getPosition());
        List<String> problems = problemsOnLine(resource, params.getPosition().getLine() + 1, cancelIndicator);
        ILeafNode leaf = resource.getParseResult() == null ? null : NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
        if (leaf != null && (leaf.isHidden() || leaf.getLength() == 0) && offset > 0) {
            ILeafNode before = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset - 1);
            leaf = before != null && !before.isHidden() ? before : leaf;
        }
        String explanation = null;
        Range range = null;
        Keyword keyword = leaf == null || leaf.isHidden() ? null
                : leaf.getGrammarElement() instanceof Keyword written ? written
                : leaf.getGrammarElement() instanceof org.eclipse.xtext.EnumLiteralDeclaration literal ? literal.getLiteral() : null;
        if (keyword != null && !isName(leaf)) {
            explanation = KeywordHelp.explain(keyword.getValue(), ruleOf(keyword));
            if (explanation != null) {
                explanation = "**" + keyword.getValue() + "**: " + explanation;
                range = new Range(document.getPosition(leaf.getOffset()), document.getPosition(leaf.getEndOffset()));
            }
        }
        if (explanation == null) {
            HoverContext context = createContext(document, resource, offset);
            if (context != null) {
                String contents = getContents(context.getElement());
                if (contents != null && !contents.isBlank()) {
                    explanation = contents;
                    range = getRange(context);
                }
            }
        }
        if (explanation == null && problems.isEmpty()) {
            return EMPTY_HOVER;
        }
        StringBuilder text = new StringBuilder();
        for (String problem : problems) {
            text.append(problem).append("\n\n");
        }
        if (explanation != null) {
            text.append(explanation);
        }
        Hover hover = new Hover(new MarkupContent(MarkupKind.MARKDOWN, text.toString().strip()));
        if (range != null) {
            hover.setRange(range);
        }
        return hover;
    }

    /** The problems of the file on a line (1-based), each as "**error** `code`: message", in full. */
    private List<String> problemsOnLine(XtextResource resource, int line, CancelIndicator cancelIndicator) {
        List<String> problems = new ArrayList<>();
        for (Issue issue : validator.validate(resource, CheckMode.ALL, cancelIndicator)) {
            Integer start = issue.getLineNumber();
            Integer end = issue.getLineNumberEnd();
            if (start != null && start <= line && line <= (end == null ? start : end)) {
                String severity = switch (issue.getSeverity()) {
                    case ERROR -> "error";
                    case WARNING -> "warning";
                    default -> "info";
                };
                problems.add("**" + severity + "**" + " `" + ModelSet.codeOf(issue.getCode()) + "`" + ": " + issue.getMessage());
            }
        }
        return problems;
    }

    /** Whether a keyword is written where a name is expected ({@code vm gateway on h}): then it is the element's name. */
    static boolean isName(ILeafNode leaf) {
        for (INode node = leaf.getParent(); node != null; node = node.getParent()) {
            if (node.getGrammarElement() instanceof RuleCall call) {
                String rule = call.getRule().getName();
                return "ValidID".equals(rule) || "QualifiedName".equals(rule);
            }
            if (node.getGrammarElement() instanceof org.eclipse.xtext.CrossReference) {
                return true;
            }
        }
        return false;
    }

    private static String ruleOf(Keyword keyword) {
        AbstractRule rule = GrammarUtil.containingRule(keyword);
        return rule == null ? null : rule.getName();
    }
}
