package org.vinfra.lang.ide.server;

import org.eclipse.xtext.util.TextRegion;
import org.eclipse.xtext.util.ITextRegion;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.xtext.ide.server.Document;

/**
 * A document of the language server whose positions are clamped as the Language Server Protocol
 * specifies: a character past the end of its line means the end of that line, a line past the end
 * of the document means the end of the document, and a negative line or character means 0. Xtext's
 * {@link Document} throws an {@link IndexOutOfBoundsException} for those, with the whole text of the
 * document in its message; this one never puts the text into a message.
 *
 * <p>Lines end at {@code \n} (a {@code \r} before it counts as a character of the line, as in
 * Xtext's document); characters are UTF-16 code units, the protocol's default.
 */
public class ClampingDocument extends Document {

    public ClampingDocument(Integer version, String contents) {
        super(version, contents, false);
    }

    /** @return the offset (0 .. length) of the position, clamped into the document */
    @Override
    public int getOffSet(Position position) {
        String text = getContents();
        int line = Math.max(0, position.getLine());
        int character = Math.max(0, position.getCharacter());
        int lineStart = 0;
        for (int i = 0; i < line; i++) {
            int end = text.indexOf('\n', lineStart);
            if (end < 0) {
                return text.length(); // past the last line: the end of the document
            }
            lineStart = end + 1;
        }
        int lineEnd = text.indexOf('\n', lineStart);
        if (lineEnd < 0) {
            lineEnd = text.length();
        }
        return lineStart + Math.min(character, lineEnd - lineStart);
    }

    /**
     * @return the region between the range's clamped start and end (range formatting asks for it; Xtext's own
     *         walks the text and throws past the end of a line)
     */
    @Override
    public ITextRegion getTextRegion(Range range) {
        int start = getOffSet(range.getStart());
        int end = getOffSet(range.getEnd());
        return new TextRegion(Math.min(start, end), Math.abs(end - start));
    }

    /** @return the position of the offset, clamped into 0 .. length */
    @Override
    public Position getPosition(int offset) {
        return super.getPosition(Math.max(0, Math.min(offset, getContents().length())));
    }

    /** @return the line's text, or "" for a line that does not exist */
    @Override
    public String getLineContent(int lineNumber) {
        if (lineNumber < 0 || lineNumber >= getLineCount()) {
            return "";
        }
        return super.getLineContent(lineNumber);
    }

    @Override
    protected String getSourceOnError() {
        return "";
    }

    @Override
    public ClampingDocument applyTextDocumentChanges(Iterable<? extends TextDocumentContentChangeEvent> changes) {
        String contents = getContents();
        for (TextDocumentContentChangeEvent change : changes) {
            String inserted = change.getText() == null ? "" : change.getText();
            if (change.getRange() == null) {
                contents = inserted;
            } else {
                // each change's positions refer to the text after the changes before it
                ClampingDocument current = new ClampingDocument(null, contents);
                int start = current.getOffSet(change.getRange().getStart());
                int end = current.getOffSet(change.getRange().getEnd());
                if (end < start) {
                    int swap = start;
                    start = end;
                    end = swap;
                }
                contents = contents.substring(0, start) + inserted + contents.substring(end);
            }
        }
        return new ClampingDocument(getVersion() == null ? null : getVersion() + 1, contents);
    }
}
