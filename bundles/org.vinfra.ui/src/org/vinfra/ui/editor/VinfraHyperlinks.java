package org.vinfra.ui.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.hyperlink.AbstractHyperlinkDetector;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.vinfra.ui.VinfraUi;
import org.vinfra.ui.server.EmbeddedLanguageServer;

/** Go to definition: Ctrl+click or F3 on a reference opens the element it names, in any file. */
public final class VinfraHyperlinks extends AbstractHyperlinkDetector {

    @Override
    public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultipleHyperlinks) {
        IDocument document = viewer.getDocument();
        String uri = VinfraDocuments.uriOf(document);
        IRegion word = Positions.wordAt(document, region.getOffset());
        if (uri == null || word.getLength() == 0) {
            return null;
        }
        try {
            DefinitionParams params = new DefinitionParams(new TextDocumentIdentifier(uri), Positions.toPosition(document, region.getOffset()));
            Either<List<? extends Location>, List<? extends LocationLink>> answer = EmbeddedLanguageServer
                    .await(VinfraUi.get().languageServer().server().definition(params), Either.forLeft(List.of()));
            List<Location> targets = new ArrayList<>();
            if (answer.isLeft()) {
                targets.addAll(answer.getLeft());
            } else {
                answer.getRight().forEach(link -> targets.add(new Location(link.getTargetUri(), link.getTargetSelectionRange())));
            }
            // the declaration itself is not a link
            targets.removeIf(target -> target.getUri().equals(uri) && Positions.start(document, target.getRange()) <= word.getOffset()
                    && word.getOffset() < Positions.start(document, target.getRange()) + Math.max(1, Positions.length(document, target.getRange())));
            if (targets.isEmpty()) {
                return null;
            }
            return targets.stream().map(target -> (IHyperlink) new Link(word, target)).toArray(IHyperlink[]::new);
        } catch (BadLocationException e) {
            return null;
        }
    }

    private record Link(IRegion getHyperlinkRegion, Location target) implements IHyperlink {
        @Override
        public String getTypeLabel() {
            return null;
        }

        @Override
        public String getHyperlinkText() {
            return "Open Declaration";
        }

        @Override
        public void open() {
            Locations.open(target);
        }
    }
}
