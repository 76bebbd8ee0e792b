package org.vinfra.ui.builder;

import java.util.List;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;

/**
 * The one kind of problem marker vinfra puts on files (Problems view, editor annotations, ruler), set
 * by the builder for every file and, while typing, by the editor for the file being edited. The
 * marker's {@code code} attribute is the diagnostic code (vinfra.vcpus-exceed-host...), which the
 * quick fixes work from.
 */
public final class ProblemMarkers {

    public static final String TYPE = "org.vinfra.ui.problem";
    public static final String CODE = "code";

    /** A problem to mark: characters {@code offset} to {@code offset + length} of the file, line from 1. */
    public record Mark(int severity, String code, String message, int line, int offset, int length) {
    }

    private ProblemMarkers() {
    }

    /** Replaces the vinfra markers of a file with these. */
    public static void replace(IResource file, List<Mark> marks) throws CoreException {
        if (!file.isAccessible()) {
            return;
        }
        file.deleteMarkers(TYPE, true, IResource.DEPTH_ZERO);
        for (Mark mark : marks) {
            IMarker marker = file.createMarker(TYPE);
            marker.setAttributes(new String[] { IMarker.SEVERITY, IMarker.MESSAGE, IMarker.LINE_NUMBER, IMarker.CHAR_START, IMarker.CHAR_END,
                    IMarker.LOCATION, CODE },
                    new Object[] { mark.severity(), mark.message(), mark.line(), mark.offset(), mark.offset() + Math.max(1, mark.length()),
                            "line " + mark.line(), mark.code() });
        }
    }
}
