package org.vinfra.lang.edit;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;

/**
 * The text of one parsed file and the questions edits ask about it: where lines start and end,
 * which line break and indentation the file uses, and whether a stretch of text holds only white
 * space and comments ("trivia").
 */
final class SourceText {

    final XtextResource resource;
    final String text;
    /** The file's line break: the first one written in it, "\n" for a file without any. */
    final String lineBreak;
    /** One level of indentation as the file writes it: a tab, or the smallest indentation in spaces. */
    final String indentUnit;

    private SourceText(XtextResource resource, String text) {
        this.resource = resource;
        this.text = text;
        this.lineBreak = detectLineBreak(text);
        this.indentUnit = detectIndentUnit(text);
    }

    static SourceText of(XtextResource resource) {
        return new SourceText(resource, resource.getParseResult().getRootNode().getText());
    }

    /** The first line break written in the text, "\n" when there is none. */
    static String detectLineBreak(String text) {
        int newline = text.indexOf('\n');
        if (newline > 0 && text.charAt(newline - 1) == '\r') {
            return "\r\n";
        }
        return "\n";
    }

    /** A tab when an indented line starts with one (or nothing is indented), else the smallest run of leading spaces. */
    static String detectIndentUnit(String text) {
        int smallest = Integer.MAX_VALUE;
        int tabs = 0;
        int spaced = 0;
        int lineStart = 0;
        while (lineStart < text.length()) {
            int i = lineStart;
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
            int spaces = i - lineStart;
            boolean content = i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r';
            if (lineStart < text.length() && text.charAt(lineStart) == '\t') {
                tabs++;
            } else if (spaces > 0 && content && text.charAt(i) != '\t') {
                spaced++;
                smallest = Math.min(smallest, spaces);
            }
            int newline = text.indexOf('\n', lineStart);
            lineStart = newline < 0 ? text.length() : newline + 1;
        }
        return spaced > tabs && smallest != Integer.MAX_VALUE ? " ".repeat(smallest) : "\t";
    }

    int length() {
        return text.length();
    }

    /** The offset of the first character of the line holding {@code offset}. */
    int lineStart(int offset) {
        int newline = text.lastIndexOf('\n', offset - 1);
        return newline + 1;
    }

    /** The offset of the line break ending the line holding {@code offset} ("\r" of a CRLF), or the text's length. */
    int lineEnd(int offset) {
        int newline = text.indexOf('\n', offset);
        if (newline < 0) {
            return text.length();
        }
        return newline > offset && text.charAt(newline - 1) == '\r' ? newline - 1 : newline;
    }

    /** The offset just after the line break ending the line holding {@code offset}, or the text's length. */
    int nextLineStart(int offset) {
        int newline = text.indexOf('\n', offset);
        return newline < 0 ? text.length() : newline + 1;
    }

    /** The line break that ends the line holding {@code offset}; the file's own when the line is the last. */
    String lineBreakAt(int offset) {
        int end = lineEnd(offset);
        if (end < text.length()) {
            return text.charAt(end) == '\r' ? "\r\n" : "\n";
        }
        return lineBreak;
    }

    /** The leading white space of the line holding {@code offset}. */
    String indentationAt(int offset) {
        int start = lineStart(offset);
        int i = start;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(start, i);
    }

    /** 1-based line number of {@code offset}. */
    int lineNumber(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    boolean isBlank(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the line starting at {@code lineStart} holds only white space (an empty last line counts too). */
    boolean isBlankLine(int lineStart) {
        return isBlank(lineStart, lineEnd(lineStart));
    }

    /**
     * Whether {@code text[from, to)} holds only white space and whole comments. A line comment runs to
     * the end of its line (which must not lie beyond {@code to} for this to hold: callers pass line
     * ends); a block comment must close before {@code to}. {@code from} must be a token boundary.
     */
    boolean isTrivia(int from, int to) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#' || text.startsWith("//", i)) {
                int end = lineEnd(i);
                if (end > to) {
                    return false;
                }
                i = end;
            } else if (text.startsWith("/*", i)) {
                int close = text.indexOf("*/", i + 2);
                if (close < 0 || close + 2 > to) {
                    return false;
                }
                i = close + 2;
            } else {
                return false;
            }
        }
        return true;
    }

    /** Whether the rest of the line after {@code offset} holds only white space and comments. */
    boolean restOfLineIsTrivia(int offset) {
        return isTrivia(offset, lineEnd(offset));
    }

    /** Whether the line before {@code offset} holds only white space and comments. */
    boolean startOfLineIsTrivia(int offset) {
        return isTrivia(lineStart(offset), offset);
    }

    /** Whether the line before {@code offset} holds only white space. */
    boolean startsLine(int offset) {
        return isBlank(lineStart(offset), offset);
    }

    /** Whether no line break lies between the two offsets. */
    boolean sameLine(int a, int b) {
        int newline = text.indexOf('\n', Math.min(a, b));
        return newline < 0 || newline >= Math.max(a, b);
    }

    // ------------------------------------------------------------------ the syntax tree's ranges

    /** The node of an element, or null when it was not parsed from this text. */
    static ICompositeNode nodeOf(EObject element) {
        return NodeModelUtils.getNode(element);
    }

    /** The offset of the first token of a node that is not white space or a comment. */
    static int start(INode node) {
        for (ILeafNode leaf : node.getLeafNodes()) {
            if (!leaf.isHidden()) {
                return leaf.getTotalOffset();
            }
        }
        return node.getOffset();
    }

    /** The offset just after the last token of a node that is not white space or a comment. */
    static int end(INode node) {
        int end = -1;
        for (ILeafNode leaf : node.getLeafNodes()) {
            if (!leaf.isHidden()) {
                end = leaf.getTotalEndOffset();
            }
        }
        return end < 0 ? node.getEndOffset() : end;
    }

    static int start(EObject element) {
        return start(nodeOf(element));
    }

    static int end(EObject element) {
        return end(nodeOf(element));
    }

    /** The text of a node without the white space and comments around and inside it. */
    static String tokens(INode node) {
        StringBuilder text = new StringBuilder();
        for (ILeafNode leaf : node.getLeafNodes()) {
            if (!leaf.isHidden()) {
                text.append(leaf.getText());
            }
        }
        return text.toString();
    }

    /**
     * "file.vinfra:12": where an element is declared, for messages. The file is named by its last path
     * segment, which is how users see it in the editor's tab and the Problems view.
     */
    static String location(EObject element) {
        ICompositeNode node = nodeOf(element);
        String file = element.eResource() == null ? "?" : element.eResource().getURI().lastSegment();
        return node == null ? file : file + ":" + node.getStartLine();
    }
}
