package org.vinfra.ui.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.vinfra.ui.VinfraUi;
import org.vinfra.ui.builder.ProblemMarkers;
import org.vinfra.ui.server.EmbeddedLanguageServer;

/**
 * While a file is edited, the language server's diagnostics for it become its problem markers, so
 * errors show in the editor and the Problems view as the user types. Files not open in an editor
 * keep the markers of the last build.
 */
public final class DiagnosticMarkers implements EmbeddedLanguageServer.DiagnosticsListener {

    private static DiagnosticMarkers installed;

    /** Listens to the server once per session. */
    public static synchronized void install(EmbeddedLanguageServer server) {
        if (installed == null) {
            installed = new DiagnosticMarkers();
            server.addDiagnosticsListener(installed);
        }
    }

    @Override
    public void diagnosticsChanged(String uri, List<Diagnostic> diagnostics) {
        IDocument document = VinfraDocuments.documentOf(uri);
        IFile file = VinfraDocuments.fileOf(uri);
        if (document == null || file == null) {
            return;
        }
        List<ProblemMarkers.Mark> marks = new ArrayList<>();
        for (Diagnostic diagnostic : diagnostics) {
            int offset = Positions.start(document, diagnostic.getRange());
            marks.add(new ProblemMarkers.Mark(severityOf(diagnostic.getSeverity()), codeOf(diagnostic), messageOf(diagnostic),
                    diagnostic.getRange().getStart().getLine() + 1, offset, Positions.length(document, diagnostic.getRange())));
        }
        WorkspaceJob job = new WorkspaceJob("vinfra: problems of " + file.getName()) {
            @Override
            public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
                ProblemMarkers.replace(file, marks);
                return Status.OK_STATUS;
            }
        };
        job.setRule(file);
        job.setSystem(true);
        job.schedule();
    }

    static String messageOf(Diagnostic diagnostic) {
        return diagnostic.getMessage() == null ? "" : diagnostic.getMessage().isLeft() ? diagnostic.getMessage().getLeft() : diagnostic.getMessage().getRight().getValue();
    }

    static String codeOf(Diagnostic diagnostic) {
        return diagnostic.getCode() == null ? "" : diagnostic.getCode().isLeft() ? diagnostic.getCode().getLeft() : String.valueOf(diagnostic.getCode().getRight());
    }

    private static int severityOf(DiagnosticSeverity severity) {
        if (severity == null) {
            return IMarker.SEVERITY_INFO;
        }
        return switch (severity) {
            case Error -> IMarker.SEVERITY_ERROR;
            case Warning -> IMarker.SEVERITY_WARNING;
            default -> IMarker.SEVERITY_INFO;
        };
    }

}
