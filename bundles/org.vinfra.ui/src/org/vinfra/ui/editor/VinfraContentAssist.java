package org.vinfra.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ContentAssistEvent;
import org.eclipse.jface.text.contentassist.ICompletionListener;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.jface.text.source.ISourceViewerExtension4;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.vinfra.ui.VinfraUi;
import org.vinfra.ui.server.EmbeddedLanguageServer;

/**
 * Content assist (Ctrl+Space): the language server's proposals, each with the icon of its kind ({@link KindIcons}):
 * keywords valid at the cursor, the elements in scope across files, units after a number that needs one, and, only
 * where a top-level element may start, the snippets of common blocks ({@link VinfraTemplates}).
 * <p>
 * Content assist opens only when asked. The Generic Editor opens it by itself on every letter or digit typed, and then
 * Enter accepts the first proposal instead of starting a new line ({@code vcpus 999} + Enter gave {@code vcpus 999disk};
 * {@code memory} + Enter kept the keyword and lost the newline): in a .vinfra editor a session that opened by itself
 * proposes nothing, so no popup shows.
 */
public final class VinfraContentAssist implements IContentAssistProcessor {

    /** Whether the current content assist session of each viewer opened by itself. */
    private static final Map<ITextViewer, Boolean> AUTO_ACTIVATED = new WeakHashMap<>();

    /** Follows the content assist sessions of a .vinfra viewer, to tell those the user asked for (called once per viewer). */
    static void watchSessions(ITextViewer viewer) {
        synchronized (AUTO_ACTIVATED) {
            if (AUTO_ACTIVATED.containsKey(viewer) || !(viewer instanceof ISourceViewerExtension4 extension) || extension.getContentAssistantFacade() == null) {
                return;
            }
            AUTO_ACTIVATED.put(viewer, Boolean.FALSE);
        }
        ((ISourceViewerExtension4) viewer).getContentAssistantFacade().addCompletionListener(new ICompletionListener() {
            @Override
            public void assistSessionStarted(ContentAssistEvent event) {
                synchronized (AUTO_ACTIVATED) {
                    AUTO_ACTIVATED.put(viewer, event.isAutoActivated);
                }
            }

            @Override
            public void assistSessionEnded(ContentAssistEvent event) {
                synchronized (AUTO_ACTIVATED) {
                    AUTO_ACTIVATED.put(viewer, Boolean.FALSE);
                }
            }

            @Override
            public void selectionChanged(ICompletionProposal proposal, boolean smartToggle) {
            }
        });
    }

    private static boolean openedByItself(ITextViewer viewer) {
        synchronized (AUTO_ACTIVATED) {
            Boolean auto = AUTO_ACTIVATED.get(viewer);
            // a viewer whose sessions were not followed yet: only Ctrl+Space is known to reach here before that
            return auto != null && auto;
        }
    }

    @Override
    public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
        watchSessions(viewer);
        IDocument document = viewer.getDocument();
        String uri = VinfraDocuments.uriOf(document);
        if (uri == null || openedByItself(viewer)) {
            return new ICompletionProposal[0];
        }
        List<ICompletionProposal> proposals = new ArrayList<>();
        try {
            EmbeddedLanguageServer server = VinfraUi.get().languageServer();
            CompletionParams params = new CompletionParams(new TextDocumentIdentifier(uri), Positions.toPosition(document, offset));
            Either<List<CompletionItem>, CompletionList> answer = EmbeddedLanguageServer.await(server.server().completion(params), Either.forLeft(List.of()));
            List<CompletionItem> items = answer.isLeft() ? answer.getLeft() : answer.getRight().getItems();
            for (CompletionItem item : items) {
                proposals.add(toProposal(document, offset, item));
            }
        } catch (BadLocationException e) {
            return new ICompletionProposal[0];
        }
        return proposals.toArray(ICompletionProposal[]::new);
    }

    private static ICompletionProposal toProposal(IDocument document, int offset, CompletionItem item) {
        String text = item.getInsertText() != null ? item.getInsertText() : item.getLabel();
        int start = offset;
        int length = 0;
        if (item.getTextEdit() != null && item.getTextEdit().isLeft()) {
            TextEdit edit = item.getTextEdit().getLeft();
            text = edit.getNewText();
            start = Positions.start(document, edit.getRange());
            length = Math.max(offset - start, Positions.length(document, edit.getRange()));
        }
        if (item.getInsertTextFormat() == InsertTextFormat.Snippet) {
            IRegion replaced = new Region(start, length);
            return VinfraTemplates.proposal(document, replaced, item.getLabel(), item.getDetail(), text, KindIcons.of(item.getKind()));
        }
        String display = item.getDetail() == null || item.getDetail().isEmpty() ? item.getLabel() : item.getLabel() + " - " + item.getDetail();
        String info = item.getDocumentation() == null ? null
                : item.getDocumentation().isLeft() ? item.getDocumentation().getLeft() : item.getDocumentation().getRight().getValue();
        return new CompletionProposal(text, start, length, text.length(), KindIcons.of(item.getKind()), display, null, info);
    }

    @Override
    public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
        return new IContextInformation[0];
    }

    @Override
    public char[] getCompletionProposalAutoActivationCharacters() {
        return new char[0];
    }

    @Override
    public char[] getContextInformationAutoActivationCharacters() {
        return new char[0];
    }

    @Override
    public String getErrorMessage() {
        return null;
    }

    @Override
    public IContextInformationValidator getContextInformationValidator() {
        return null;
    }
}
