package org.vinfra.lang.edit;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * Where new text goes in a file and which characters a removal takes, following the file's own
 * layout: its line breaks, its indentation (tabs or spaces, and how deep), one-line blocks kept on
 * one line. New text is given as lines, indented with one tab per level relative to its first line
 * ("\tvcpus 1"); the tabs become the file's indentation.
 */
final class Layout {

    private final SourceText source;

    Layout(SourceText source) {
        this.source = source;
    }

    SourceText source() {
        return source;
    }

    // ------------------------------------------------------------------ rendering

    /** Lines indented by {@code indent} plus the file's unit per leading tab, joined by {@code lineBreak}. */
    String render(List<String> lines, String indent, String lineBreak) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int tabs = 0;
            while (tabs < line.length() && line.charAt(tabs) == '\t') {
                tabs++;
            }
            if (i > 0) {
                text.append(lineBreak);
            }
            text.append(indent).append(source.indentUnit.repeat(tabs)).append(line.substring(tabs));
        }
        return text.toString();
    }

    /** The same lines on one line, for one-line blocks: "service web { image \"x\" }". */
    static String oneLine(List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            String part = line.strip();
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(part);
        }
        return text.toString();
    }

    // ------------------------------------------------------------------ blocks

    /** The '{' of an element's own block (not of a nested one), or null when the element has none. */
    static ILeafNode openBrace(EObject element) {
        for (ILeafNode leaf : SourceText.nodeOf(element).getLeafNodes()) {
            if (isKeyword(leaf, "{") && NodeModelUtils.findActualSemanticObjectFor(leaf) == element) {
                return leaf;
            }
        }
        return null;
    }

    /** The '}' closing an element's own block, or null. */
    static ILeafNode closeBrace(EObject element) {
        ILeafNode close = null;
        for (ILeafNode leaf : SourceText.nodeOf(element).getLeafNodes()) {
            if (isKeyword(leaf, "}") && NodeModelUtils.findActualSemanticObjectFor(leaf) == element) {
                close = leaf;
            }
        }
        return close;
    }

    static boolean isKeyword(ILeafNode leaf, String keyword) {
        return !leaf.isHidden() && leaf.getGrammarElement() instanceof Keyword k && keyword.equals(k.getValue());
    }

    /** The end of the last token inside the block before its '}' (the '{' itself for an empty block). */
    static int contentEnd(EObject element) {
        ILeafNode close = closeBrace(element);
        int end = -1;
        for (ILeafNode leaf : SourceText.nodeOf(element).getLeafNodes()) {
            if (leaf == close) {
                break;
            }
            if (!leaf.isHidden()) {
                end = leaf.getTotalEndOffset();
            }
        }
        return end;
    }

    /** The indentation of the settings inside an element's block: as its first setting is indented, else one level deeper than the element. */
    String childIndent(EObject element) {
        ILeafNode open = openBrace(element);
        ILeafNode close = closeBrace(element);
        boolean after = false;
        for (ILeafNode leaf : SourceText.nodeOf(element).getLeafNodes()) {
            if (leaf == open) {
                after = true;
            } else if (after && !leaf.isHidden()) {
                if (leaf != close && source.startsLine(leaf.getTotalOffset())) {
                    return source.indentationAt(leaf.getTotalOffset());
                }
                break;
            }
        }
        return source.indentationAt(SourceText.start(element)) + source.indentUnit;
    }

    /**
     * Inserts lines at the end of an element's block, before its '}'. A one-line block stays on one
     * line; otherwise the lines go on their own lines, indented as the block's settings, just above
     * the line of the '}' (after any comment there), with a blank line first when {@code blankLineStyle}
     * and the block's last setting is set off by one.
     */
    TextEdit insertAtBlockEnd(EObject element, List<String> lines, EObject lastChild) {
        ILeafNode open = openBrace(element);
        ILeafNode close = closeBrace(element);
        int contentEnd = contentEnd(element);
        int closeAt = close.getTotalOffset();
        if (source.sameLine(open.getTotalOffset(), closeAt)) {
            return inline(contentEnd, lines);
        }
        String indent = childIndent(element);
        String lineBreak = source.lineBreakAt(closeAt);
        if (source.startsLine(closeAt)) {
            boolean blank = lastChild != null && setOffByBlankLine(lastChild);
            return TextEdit.insert(source.lineStart(closeAt), (blank ? lineBreak : "") + render(lines, indent, lineBreak) + lineBreak);
        }
        return TextEdit.insert(contentEnd, lineBreak + render(lines, indent, lineBreak));
    }

    /** Inserts lines at the start of an element's block, just after its '{' (and any comment on that line). */
    TextEdit insertAtBlockStart(EObject element, List<String> lines) {
        ILeafNode open = openBrace(element);
        ILeafNode close = closeBrace(element);
        int openEnd = open.getTotalEndOffset();
        if (source.sameLine(openEnd, close.getTotalOffset()) || !source.restOfLineIsTrivia(openEnd)) {
            return inline(openEnd, lines);
        }
        String lineBreak = source.lineBreakAt(openEnd);
        return TextEdit.insert(source.nextLineStart(openEnd), render(lines, childIndent(element), lineBreak) + lineBreak);
    }

    /**
     * Inserts lines after a setting of {@code owner}'s block that spans {@code [start, end)}: on the next
     * line with the setting's indentation when the setting ends its line (comments may follow it),
     * else on the same line after it.
     */
    TextEdit insertAfter(EObject owner, int start, int end, List<String> lines) {
        if (!source.restOfLineIsTrivia(end)) {
            return inline(end, lines);
        }
        String indent = source.startsLine(start) ? source.indentationAt(start) : childIndent(owner);
        String lineBreak = source.lineBreakAt(end);
        int at = source.nextLineStart(end);
        String before = source.lineEnd(end) == source.length() ? lineBreak : "";
        return TextEdit.insert(at, before + render(lines, indent, lineBreak) + lineBreak);
    }

    /** " text" right after {@code at}, plus a space when a '}' follows at once. */
    private TextEdit inline(int at, List<String> lines) {
        String text = " " + oneLine(lines);
        if (at < source.length() && source.text.charAt(at) == '}') {
            text += " ";
        }
        return TextEdit.insert(at, text);
    }

    /** Whether the line above an element is blank (the file sets its blocks' members off by blank lines). */
    boolean setOffByBlankLine(EObject element) {
        int start = source.lineStart(SourceText.start(element));
        return start > 0 && source.isBlankLine(source.lineStart(start - 1));
    }

    /**
     * Appends a top-level element at the end of the file, after a blank line (as the formatter sets
     * top-level elements apart), ending with a line break.
     */
    TextEdit appendTopLevel(List<String> lines) {
        String text = source.text;
        String lineBreak = source.lineBreak;
        String element = render(lines, "", lineBreak) + lineBreak;
        if (text.isBlank()) {
            return TextEdit.insert(text.length(), element);
        }
        String prefix;
        if (!text.endsWith("\n")) {
            prefix = lineBreak + lineBreak;
        } else {
            // the file ends with a line break: is the line before it already blank?
            String body = text.substring(0, text.length() - (text.endsWith("\r\n") ? 2 : 1));
            String lastLine = body.substring(body.lastIndexOf('\n') + 1);
            prefix = lastLine.isBlank() ? "" : lineBreak;
        }
        return TextEdit.insert(text.length(), prefix + element);
    }

    // ------------------------------------------------------------------ removal

    /**
     * Removes the text {@code [start, end)} of an element. When the element has its lines to itself
     * (only white space and comments share them), the whole lines go, line breaks included, and one
     * blank line of those around them if that leaves two blank lines together (or one at the start or
     * end of the file or block). With {@code withComment}, the comment lines directly above go too
     * (see {@link #attachedCommentStart}). When other settings share a line, only the element's text
     * and the spaces that set it apart go.
     */
    TextEdit remove(int start, int end, boolean withComment) {
        String text = source.text;
        if (source.startOfLineIsTrivia(start) && source.restOfLineIsTrivia(end)) {
            int from = source.lineStart(start);
            int to = source.nextLineStart(end);
            if (withComment) {
                from = attachedCommentStart(from);
            }
            boolean blankBefore = from == 0 || source.isBlankLine(source.lineStart(from - 1));
            if (blankBefore) {
                if (to < text.length() && source.isBlankLine(to)) {
                    to = source.nextLineStart(to);
                } else if (from > 0 && (to == text.length() || closesBlock(to))) {
                    from = source.lineStart(from - 1);
                }
            }
            return TextEdit.delete(from, to - from);
        }
        if (source.startsLine(start)) {
            int to = end;
            while (to < text.length() && (text.charAt(to) == ' ' || text.charAt(to) == '\t')) {
                to++;
            }
            return TextEdit.delete(start, to - start);
        }
        int from = start;
        while (from > 0 && (text.charAt(from - 1) == ' ' || text.charAt(from - 1) == '\t')) {
            from--;
        }
        return TextEdit.delete(from, end - from);
    }

    /** Whether the line starting at {@code lineStart} begins with a '}'. */
    private boolean closesBlock(int lineStart) {
        String line = source.text.substring(lineStart, source.lineEnd(lineStart)).strip();
        return line.startsWith("}");
    }

    /**
     * The start of the comment lines directly above the line starting at {@code from}: lines holding
     * only comments, with no blank line in between, up to the first blank or code line. A comment that
     * opens the file (nothing but white space before it) describes the file, not the element, and stays.
     */
    int attachedCommentStart(int from) {
        int current = from;
        while (current > 0) {
            int previous = source.lineStart(current - 1);
            int previousEnd = source.lineEnd(previous);
            if (source.isBlank(previous, previousEnd)) {
                break;
            }
            if (source.isTrivia(previous, previousEnd)) {
                current = previous;
                continue;
            }
            String line = source.text.substring(previous, previousEnd).strip();
            if (line.endsWith("*/")) {
                int open = source.text.lastIndexOf("/*", previousEnd - 2);
                if (open >= 0 && source.startsLine(open) && source.isTrivia(open, previousEnd)) {
                    current = source.lineStart(open);
                    continue;
                }
            }
            break;
        }
        if (current < from && source.isBlank(0, current)) {
            return from;
        }
        return current;
    }

    /** The last token (not white space or comment) of {@code element} that ends at or before {@code offset}. */
    static ILeafNode previousToken(EObject element, int offset) {
        ILeafNode previous = null;
        for (ILeafNode leaf : SourceText.nodeOf(element).getLeafNodes()) {
            if (leaf.getTotalOffset() >= offset) {
                break;
            }
            if (!leaf.isHidden()) {
                previous = leaf;
            }
        }
        if (previous == null) {
            throw new Refusal("vinfra could not find where to edit " + Descriptions.kind(element.eClass())
                    + "; please report this with the file.");
        }
        return previous;
    }
}
