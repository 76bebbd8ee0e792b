package org.vinfra.ui.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.vinfra.ui.VinfraUi;
import org.vinfra.ui.server.EmbeddedLanguageServer;

/**
 * Content assist (Ctrl+Space): the language server's proposals (keywords valid at the cursor and the
 * elements in scope, across files), followed by the templates for common blocks.
 */
public final class VinfraContentAssist implements IContentAssistProcessor {

    @Override
    public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
        IDocument document = viewer.getDocument();
        String uri = VinfraDocuments.uriOf(document);
        List<ICompletionProposal> proposals = new ArrayList<>();
        if (uri == null) {
            return new ICompletionProposal[0];
        }
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
        proposals.addAll(VinfraTemplates.proposals(viewer, offset));
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
        String display = item.getDetail() == null || item.getDetail().isEmpty() ? item.getLabel() : item.getLabel() + " - " + item.getDetail();
        String info = item.getDocumentation() == null ? null
                : item.getDocumentation().isLeft() ? item.getDocumentation().getLeft() : item.getDocumentation().getRight().getValue();
        return new CompletionProposal(text, start, length, text.length(), null, display, null, info);
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
