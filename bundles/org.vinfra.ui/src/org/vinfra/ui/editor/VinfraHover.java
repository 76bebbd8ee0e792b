package org.vinfra.ui.editor;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DefaultInformationControl;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IInformationControlCreator;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextHoverExtension;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkedString;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.vinfra.ui.VinfraUi;
import org.vinfra.ui.server.EmbeddedLanguageServer;

/**
 * Hover: what the element under the mouse is, in the course's terms, with its key figures (from the
 * language's documentation provider, the same text an LSP client shows).
 */
public final class VinfraHover implements ITextHover, ITextHoverExtension {

    @Override
    public IRegion getHoverRegion(ITextViewer viewer, int offset) {
        return Positions.wordAt(viewer.getDocument(), offset);
    }

    @Override
    public String getHoverInfo(ITextViewer viewer, IRegion region) {
        IDocument document = viewer.getDocument();
        String uri = VinfraDocuments.uriOf(document);
        if (uri == null || region.getLength() == 0) {
            return null;
        }
        try {
            HoverParams params = new HoverParams(new TextDocumentIdentifier(uri), Positions.toPosition(document, region.getOffset() + region.getLength() / 2));
            Hover hover = EmbeddedLanguageServer.await(VinfraUi.get().languageServer().server().hover(params), null);
            return hover == null || hover.getContents() == null ? null : toHtml(markdownOf(hover));
        } catch (BadLocationException e) {
            return null;
        }
    }

    static String markdownOf(Hover hover) {
        if (hover.getContents().isRight()) {
            return hover.getContents().getRight().getValue();
        }
        StringBuilder text = new StringBuilder();
        for (var part : hover.getContents().getLeft()) {
            text.append(part.isLeft() ? part.getLeft() : ((MarkedString) part.getRight()).getValue()).append("\n\n");
        }
        return text.toString().strip();
    }

    /** The little Markdown the hovers use (bold, code, paragraphs, lists), as the HTML the hover control shows. */
    static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return null;
        }
        String html = markdown.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replaceAll("\\*\\*(.+?)\\*\\*", "<b>$1</b>")
                .replaceAll("`(.+?)`", "<code>$1</code>")
                .replaceAll("(?m)^[-*] ", "&#8226; ")
                .replace("\n\n", "<p>")
                .replace("\n", "<br>");
        return html;
    }

    @Override
    public IInformationControlCreator getHoverControlCreator() {
        return parent -> new DefaultInformationControl(parent, true);
    }
}
