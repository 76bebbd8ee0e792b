package org.vinfra.ui.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.texteditor.MarkerAnnotation;
import org.vinfra.ui.VinfraUi;
import org.vinfra.ui.builder.ProblemMarkers;
import org.vinfra.ui.server.EmbeddedLanguageServer;

/**
 * Quick fixes (Ctrl+1) for the problems on the cursor's line: the language's code actions (lower the
 * vCPUs to the host's logical CPUs, raise max memory, run an LXC container unprivileged...).
 */
public final class VinfraQuickFixes implements IQuickAssistProcessor {

    @Override
    public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
        IDocument document = context.getSourceViewer().getDocument();
        String uri = VinfraDocuments.uriOf(document);
        if (uri == null) {
            return new ICompletionProposal[0];
        }
        try {
            int line = document.getLineOfOffset(context.getOffset());
            return fixes(uri, document, line).toArray(ICompletionProposal[]::new);
        } catch (BadLocationException e) {
            return new ICompletionProposal[0];
        }
    }

    /** The fixes the language offers for the problems on a line (from 0) of an open document. */
    public static List<ICompletionProposal> fixes(String uri, IDocument document, int line) {
        EmbeddedLanguageServer server = VinfraUi.get().languageServer();
        List<Diagnostic> onLine = server.diagnostics(uri).stream()
                .filter(d -> d.getRange().getStart().getLine() <= line && line <= d.getRange().getEnd().getLine()).toList();
        List<ICompletionProposal> proposals = new ArrayList<>();
        if (onLine.isEmpty()) {
            return proposals;
        }
        Range range = onLine.get(0).getRange();
        CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(uri), range, new CodeActionContext(onLine));
        for (Either<Command, CodeAction> action : EmbeddedLanguageServer.await(server.server().codeAction(params), List.<Either<Command, CodeAction>>of())) {
            if (action.isRight() && action.getRight().getEdit() != null) {
                proposals.add(new Fix(action.getRight()));
            }
        }
        return proposals;
    }

    @Override
    public String getErrorMessage() {
        return null;
    }

    @Override
    public boolean canFix(Annotation annotation) {
        return annotation instanceof MarkerAnnotation marker && marker.getMarker().exists()
                && marker.getMarker().getAttribute(ProblemMarkers.CODE, "").startsWith("vinfra.");
    }

    @Override
    public boolean canAssist(IQuickAssistInvocationContext invocationContext) {
        return false;
    }

    /** One code action, applied as the server wrote it. */
    private record Fix(CodeAction action) implements ICompletionProposal {
        @Override
        public void apply(IDocument document) {
            try {
                TextEdits.apply(action.getEdit());
            } catch (CoreException | BadLocationException e) {
                VinfraUi.log("the quick fix '" + action.getTitle() + "' could not be applied", e);
            }
        }

        @Override
        public Point getSelection(IDocument document) {
            return null;
        }

        @Override
        public String getAdditionalProposalInfo() {
            return action.getTitle();
        }

        @Override
        public String getDisplayString() {
            return action.getTitle();
        }

        @Override
        public Image getImage() {
            return PlatformUI.getWorkbench().getSharedImages().getImage(ISharedImages.IMG_OBJ_ELEMENT);
        }

        @Override
        public IContextInformation getContextInformation() {
            return null;
        }
    }
}
