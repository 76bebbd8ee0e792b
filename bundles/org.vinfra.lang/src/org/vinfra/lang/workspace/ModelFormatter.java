package org.vinfra.lang.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * Formats a whole parsed file with the language's formatter. A file with syntax errors is never formatted: around a
 * syntax error the parser's tree no longer says which tokens belong together, so the formatter would split values
 * ({@code 192.168.100.0/24} into {@code 192 . 168 . 100 . 0 / 24}) and change what the text means. The command line, the
 * language server and the Eclipse editor (through the language server) all refuse the same way.
 */
public class ModelFormatter {

    @Inject
    private Provider<TextRegionAccessBuilder> regionAccessBuilders;

    @Inject
    private Provider<FormatterRequest> requests;

    @Inject
    private Provider<IFormatter2> formatters;

    /** Thrown instead of formatting a file with syntax errors; {@link #problems()} says where they are. */
    public static final class SyntaxErrorsException extends IllegalStateException {
        private static final long serialVersionUID = 1L;
        private final transient List<Problem> problems;

        SyntaxErrorsException(List<Problem> problems) {
            super("it has " + problems.size() + (problems.size() == 1 ? " syntax error" : " syntax errors")
                    + ", and formatting around one could change what the text means; fix " + (problems.size() == 1 ? "it" : "them")
                    + " first (the first: line " + problems.get(0).line() + ":" + problems.get(0).column() + ": " + problems.get(0).message() + ")");
            this.problems = List.copyOf(problems);
        }

        /** The syntax errors, positioned in the file. */
        public List<Problem> problems() {
            return problems;
        }
    }

    /**
     * @return the formatted text
     * @throws SyntaxErrorsException when the file has syntax errors (formatting it could change its meaning)
     */
    public String format(XtextResource resource) {
        checkSyntax(resource);
        ITextRegionAccess access = regionAccessBuilders.get().forNodeModel(resource).create();
        FormatterRequest request = requests.get();
        request.setTextRegionAccess(access);
        request.setAllowIdentityEdits(false);
        List<ITextReplacement> replacements = formatters.get().format(request);
        return access.getRewriter().renderToString(replacements);
    }

    /**
     * @throws SyntaxErrorsException when the file has syntax errors
     */
    public void checkSyntax(XtextResource resource) {
        if (resource.getParseResult() != null && resource.getParseResult().hasSyntaxErrors()) {
            Path file = resource.getURI().isFile() ? Path.of(resource.getURI().toFileString()) : Path.of(resource.getURI().lastSegment());
            throw new SyntaxErrorsException(syntaxErrors(file, resource));
        }
    }

    /** The syntax errors of a parsed file, positioned, in text order, as {@code file} (as the user named it). */
    public static List<Problem> syntaxErrors(Path file, XtextResource resource) {
        List<Problem> problems = new ArrayList<>();
        if (resource.getParseResult() == null) {
            return problems;
        }
        for (INode node : resource.getParseResult().getSyntaxErrors()) {
            var lineAndColumn = NodeModelUtils.getLineAndColumn(node, node.getOffset());
            String message = node.getSyntaxErrorMessage() == null ? "syntax error" : node.getSyntaxErrorMessage().getMessage();
            problems.add(new Problem(file, lineAndColumn.getLine(), lineAndColumn.getColumn(), Problem.Severity.ERROR,
                    ModelSet.codeOf(node.getSyntaxErrorMessage() == null ? null : node.getSyntaxErrorMessage().getIssueCode()), message,
                    node.getOffset(), node.getLength()));
        }
        return problems;
    }
}
