package org.vinfra.diagram.ui;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.vinfra.diagram.server.DiagramServer;
import org.vinfra.diagram.server.text.DiagramWorkspace;
import org.vinfra.diagram.svg.DiagramSvg;

/**
 * Saves the diagram as an SVG file (the same drawing as {@code ./vinfra diagram FILE --svg OUT.svg}) or
 * as a PNG image (that SVG rasterized by SWT's SVG support). The file is written whole or not at all.
 */
public final class DiagramExport {

    public enum Format {
        SVG("svg"), PNG("png");

        final String extension;

        Format(String extension) {
            this.extension = extension;
        }
    }

    private DiagramExport() {
    }

    /** Asks where to save (a file dialog), then writes; errors are shown in a dialog. */
    static void exportInteractively(DiagramEditor editor, Format format) {
        FileDialog dialog = new FileDialog(editor.getSite().getShell(), SWT.SAVE);
        dialog.setText("Export the diagram as " + format.name());
        dialog.setFilterExtensions(new String[] { "*." + format.extension });
        String base = editor.file().getName().replaceFirst("\\.vinfra$", "");
        dialog.setFileName(base + "." + format.extension);
        dialog.setOverwrite(true);
        if (editor.file().getParent().getLocation() != null) {
            dialog.setFilterPath(editor.file().getParent().getLocation().toOSString());
        }
        String chosen = dialog.open();
        if (chosen == null) {
            return;
        }
        Display display = editor.getSite().getShell().getDisplay();
        export(editor, format, Path.of(chosen)).whenComplete((written, failure) -> display.asyncExec(() -> {
            if (failure != null) {
                MessageDialog.openError(editor.getSite().getShell(), "Export", failure.getCause() != null ? failure.getCause().getMessage() : failure.getMessage());
            } else {
                editor.getEditorSite().getActionBars().getStatusLineManager().setMessage("Diagram saved as " + written);
            }
        }));
    }

    /**
     * Writes the diagram as it is now (the editor's unsaved text included) to {@code target}.
     *
     * @return completes with the target, or exceptionally with an {@link IOException} saying why not
     */
    public static CompletableFuture<Path> export(DiagramEditor editor, Format format, Path target) {
        CompletableFuture<Path> result = new CompletableFuture<>();
        Display display = editor.getSite().getShell().getDisplay();
        editor.onWorker(() -> {
            try {
                DiagramServer server = editor.server();
                if (server == null) {
                    throw new IOException("the diagram is not drawn yet" + (editor.startFailure() == null ? "" : ": " + editor.startFailure()));
                }
                DiagramWorkspace.Snapshot snapshot = server.workspace().snapshot();
                if (!DiagramSvg.drawable(snapshot.problems())) {
                    throw new IOException("the model has syntax errors: fix them (see the Problems view), then export");
                }
                String svg = DiagramSvg.render(snapshot.models(), snapshot.problems(), Set.of(), server.workspace().mainFile(),
                        editor.file().getName()).svg();
                if (format == Format.SVG) {
                    write(target, svg.getBytes(StandardCharsets.UTF_8));
                    result.complete(target);
                } else {
                    display.asyncExec(() -> {
                        try {
                            byte[] png = rasterize(display, svg);
                            editor.onWorker(() -> {
                                try {
                                    write(target, png);
                                    result.complete(target);
                                } catch (IOException e) {
                                    result.completeExceptionally(e);
                                }
                            });
                        } catch (IOException e) {
                            result.completeExceptionally(e);
                        }
                    });
                }
            } catch (Exception e) {
                result.completeExceptionally(e instanceof IOException ? e : new IOException("the diagram could not be exported: " + e.getMessage(), e));
            }
        });
        return result;
    }

    /** The SVG as a PNG at its own size (SWT's SVG rasterizer; on the UI thread). */
    static byte[] rasterize(Display display, String svg) throws IOException {
        Image image;
        try {
            image = new Image(display, new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (SWTException | IllegalArgumentException e) {
            throw new IOException("this Eclipse cannot rasterize SVG (the org.eclipse.swt.svg fragment is missing): export SVG instead", e);
        }
        try {
            ImageData data = image.getImageData();
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { data };
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            loader.save(out, SWT.IMAGE_PNG);
            return out.toByteArray();
        } finally {
            image.dispose();
        }
    }

    /** Writes through a temporary file renamed over the target: the old file or the new one, never half. */
    private static void write(Path target, byte[] bytes) throws IOException {
        org.vinfra.lang.workspace.AtomicFiles.write(target, bytes);
    }
}
