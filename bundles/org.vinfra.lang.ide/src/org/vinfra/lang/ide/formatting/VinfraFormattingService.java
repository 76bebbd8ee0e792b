package org.vinfra.lang.ide.formatting;

import java.util.List;

import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.formatting.FormattingService;
import org.eclipse.xtext.resource.XtextResource;
import org.vinfra.lang.workspace.ModelFormatter;

import com.google.inject.Inject;

/**
 * Formatting for the language server (textDocument/formatting and rangeFormatting) and, through it, the Eclipse
 * editor's Ctrl+Shift+F: a file with syntax errors is never formatted (the same rule as {@code vinfra format},
 * {@link ModelFormatter}); the request fails with a message that says where the first syntax error is, so the editor
 * shows why nothing changed.
 */
public class VinfraFormattingService extends FormattingService {

    @Inject
    private ModelFormatter formatter;

    @Override
    public List<TextEdit> format(XtextResource resource, Document document, int offset, int length, FormattingOptions options) {
        try {
            formatter.checkSyntax(resource);
        } catch (ModelFormatter.SyntaxErrorsException e) {
            throw new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestFailed,
                    resource.getURI().lastSegment() + " is not formatted: " + e.getMessage(), null));
        }
        if (resource.getContents().isEmpty()) {
            return List.of(); // an empty text (or only spaces): nothing to format, and Xtext's region access fails on it
        }
        return super.format(resource, document, offset, length, options);
    }
}
