package org.vinfra.ui.editor;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.action.ToolBarManager;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.editors.text.EditorsUI;
import org.eclipse.ui.texteditor.MarkerAnnotation;
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
 * Hover: what the keyword or element under the mouse is, in the course's terms, with its key figures, and on a line
 * with problems each problem in full before that explanation (the language server's hover, the same text an LSP client
 * shows). On the marked text of a problem the Generic Editor's marker hover shows it instead. The popup is sized to its
 * text (up to 100 characters wide and 40 lines), not cut to the editor's default 60 x 10.
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
            return hover == null || hover.getContents() == null || !markerMessages(viewer, region).isEmpty() ? null : toHtml(markdownOf(hover));
        } catch (BadLocationException e) {
            return null;
        }
    }

    /**
     * The messages of the problem markers the region touches. There the Generic Editor's marker hover shows the problem
     * (with its quick fixes), and a second hover would make it stack both in one popup that it sizes badly (cut off, or
     * as tall as the screen); elsewhere on the line this hover shows the problem and the explanation together.
     */
    private static Set<String> markerMessages(ITextViewer viewer, IRegion region) {
        Set<String> messages = new HashSet<>();
        IAnnotationModel model = viewer instanceof ISourceViewer source ? source.getAnnotationModel() : null;
        if (model == null) {
            return messages;
        }
        Iterator<Annotation> annotations = model.getAnnotationIterator();
        while (annotations.hasNext()) {
            Annotation annotation = annotations.next();
            org.eclipse.jface.text.Position position = model.getPosition(annotation);
            if (annotation instanceof MarkerAnnotation marker && position != null && position.overlapsWith(region.getOffset(), Math.max(1, region.getLength()))) {
                String message = marker.getMarker().getAttribute(IMarker.MESSAGE, "");
                if (!message.isEmpty()) {
                    messages.add(message);
                }
            }
        }
        return messages;
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
        return parent -> new SizedControl(parent, EditorsUI.getTooltipAffordanceString());
    }

    /**
     * The hover's popup: an HTML text control that may grow to 100 characters by 40 lines (the text hover manager asks
     * for 60 x 10, which cut problems and explanations off). F2 gives it the focus as a resizable, scrollable one.
     */
    static final class SizedControl extends DefaultInformationControl {

        static final int WIDTH_IN_CHARS = 100;
        static final int HEIGHT_IN_LINES = 40;

        SizedControl(Shell parent, String statusText) {
            super(parent, statusText);
        }

        SizedControl(Shell parent) {
            super(parent, (ToolBarManager) null);
        }

        @Override
        public Point computeSizeConstraints(int widthInChars, int heightInChars) {
            return super.computeSizeConstraints(Math.max(widthInChars, WIDTH_IN_CHARS), Math.max(heightInChars, HEIGHT_IN_LINES));
        }

        @Override
        public IInformationControlCreator getInformationPresenterControlCreator() {
            return SizedControl::new;
        }
    }
}
