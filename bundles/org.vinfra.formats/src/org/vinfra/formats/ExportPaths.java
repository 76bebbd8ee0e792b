package org.vinfra.formats;

import java.nio.file.Path;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;

/**
 * Host paths of a model in exported files. A relative path in a model is relative to its .vinfra
 * file; exported into a known folder it becomes relative to the exported file, so that it points at
 * the same place ({@code ./data} beside {@code lab.vinfra} is {@code ../../../data} from
 * {@code out/compose/lab/compose.yaml}). Absolute paths, home paths (~) and URLs stay as written.
 */
public final class ExportPaths {

    private ExportPaths() {
    }

    /**
     * @param path      the path as the model writes it
     * @param owner     the element that writes it (its file is what the path is relative to)
     * @param exported  the folder of the exported file, relative to the output directory (e.g. compose/lab)
     */
    public static String path(String path, EObject owner, String exported, ExportOptions options) {
        if (path == null || path.startsWith("/") || path.startsWith("~") || path.contains("://") || path.startsWith("git@")
                || path.matches("[A-Za-z]:[\\\\/].*") || options.outputDirectory() == null) {
            return path;
        }
        Path modelFolder = modelFolder(owner);
        if (modelFolder == null) {
            return path;
        }
        Path target = modelFolder.resolve(path).normalize();
        Path from = options.outputDirectory().resolve(exported).normalize();
        String relative = from.relativize(target).toString().replace('\\', '/');
        if (relative.isEmpty()) {
            return ".";
        }
        return relative.startsWith("..") ? relative : "./" + relative;
    }

    private static Path modelFolder(EObject owner) {
        if (owner.eResource() == null) {
            return null;
        }
        URI uri = owner.eResource().getURI();
        if (uri == null || !uri.isFile()) {
            return null;
        }
        Path file = Path.of(uri.toFileString()).toAbsolutePath();
        return file.getParent();
    }
}
