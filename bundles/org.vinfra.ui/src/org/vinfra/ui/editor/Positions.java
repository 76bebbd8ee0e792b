package org.vinfra.ui.editor;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** Converts between LSP positions (line and character, from 0) and offsets in an Eclipse document. */
public final class Positions {

    private Positions() {
    }

    public static Position toPosition(IDocument document, int offset) throws BadLocationException {
        int line = document.getLineOfOffset(offset);
        return new Position(line, offset - document.getLineOffset(line));
    }

    /** The offset of a position, clamped to the document (a stale position never throws). */
    public static int toOffset(IDocument document, Position position) {
        try {
            int line = Math.min(position.getLine(), document.getNumberOfLines() - 1);
            int lineOffset = document.getLineOffset(line);
            int lineLength = document.getLineLength(line);
            return lineOffset + Math.min(position.getCharacter(), lineLength);
        } catch (BadLocationException e) {
            return document.getLength();
        }
    }

    public static int start(IDocument document, Range range) {
        return toOffset(document, range.getStart());
    }

    public static int length(IDocument document, Range range) {
        return Math.max(0, toOffset(document, range.getEnd()) - toOffset(document, range.getStart()));
    }

    /** The identifier (letters, digits, '_', '-', '.') around an offset, or an empty region there. */
    public static org.eclipse.jface.text.IRegion wordAt(IDocument document, int offset) {
        try {
            int start = offset;
            while (start > 0 && isWordPart(document.getChar(start - 1))) {
                start--;
            }
            int end = offset;
            while (end < document.getLength() && isWordPart(document.getChar(end))) {
                end++;
            }
            return new org.eclipse.jface.text.Region(start, end - start);
        } catch (BadLocationException e) {
            return new org.eclipse.jface.text.Region(offset, 0);
        }
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }
}
