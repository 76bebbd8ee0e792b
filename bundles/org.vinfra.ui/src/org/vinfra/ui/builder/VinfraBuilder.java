package org.vinfra.ui.builder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.vinfra.formats.Exporter;
import org.vinfra.formats.GeneratedFiles;
import org.vinfra.formats.OutputWriter;
import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.lang.workspace.Problem;
import org.vinfra.ui.VinfraUi;
import org.vinfra.ui.preferences.VinfraPreferences;

/**
 * The vinfra project builder: validates every .vinfra file of the project together (so references
 * across files resolve, as on the command line), puts a marker on each file for each problem and,
 * when there is no error, exports the models into the output folder (Window > Preferences > vinfra).
 * A file set with errors exports nothing: the previous output stays as it was.
 */
public final class VinfraBuilder extends IncrementalProjectBuilder {

    public static final String ID = "org.vinfra.ui.builder";

    /**
     * What one validation and export of a project did: the number of errors and warnings marked, and
     * what was written into the output folder (null when nothing was exported: errors, exports off,
     * or the output could not be written, which a project marker then explains).
     *
     * @param output the output folder in the workspace
     */
    public record Outcome(int errors, int warnings, OutputWriter.Summary written, IFolder output) {
    }
    /** The marker on the project when its output could not be written. */
    static final String OUTPUT_PROBLEM = "vinfra.output";

    @Override
    protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
        IResourceDelta delta = kind == FULL_BUILD ? null : getDelta(getProject());
        if (delta != null && !touchesModels(delta)) {
            return null;
        }
        generate(getProject(), VinfraPreferences.exportOnBuild(), monitor);
        return null;
    }

    /**
     * Validates every .vinfra file of the project together, replaces their problem markers and, when
     * there is no error and {@code export} is set, exports them into the output folder: what the
     * builder does on save, and what vinfra > Generate Now does at once.
     */
    public static Outcome generate(IProject project, boolean export, IProgressMonitor monitor) throws CoreException {
        SubMonitor progress = SubMonitor.convert(monitor, "vinfra: validating " + project.getName(), 3);
        return buildFiles(project, modelFiles(project), export, progress);
    }

    @Override
    protected void clean(IProgressMonitor monitor) throws CoreException {
        getProject().deleteMarkers(ProblemMarkers.TYPE, true, IResource.DEPTH_INFINITE);
    }

    private static boolean touchesModels(IResourceDelta delta) throws CoreException {
        boolean[] touched = { false };
        delta.accept(child -> {
            if (child.getResource().getType() == IResource.FILE && "vinfra".equals(child.getResource().getFileExtension())) {
                touched[0] = true;
            }
            return !touched[0];
        });
        return touched[0];
    }

    /** The .vinfra files of a project, outside the output folder and derived resources. */
    public static List<IFile> modelFiles(IProject project) throws CoreException {
        List<IFile> files = new ArrayList<>();
        IFolder output = project.getFolder(VinfraPreferences.outputFolder());
        project.accept(resource -> {
            if (resource.isDerived() || resource.equals(output) || resource.getName().startsWith(".") && resource.getType() != IResource.PROJECT) {
                return false;
            }
            if (resource.getType() == IResource.FILE && "vinfra".equals(resource.getFileExtension()) && resource.getLocation() != null) {
                files.add((IFile) resource);
            }
            return true;
        });
        return files;
    }

    private static Outcome buildFiles(IProject project, List<IFile> files, boolean exportWanted, SubMonitor progress) throws CoreException {
        project.deleteMarkers(ProblemMarkers.TYPE, true, IResource.DEPTH_INFINITE);
        IFolder outputFolder = project.getFolder(VinfraPreferences.outputFolder());
        if (files.isEmpty()) {
            return new Outcome(0, 0, null, outputFolder);
        }
        Map<Path, IFile> byPath = new HashMap<>();
        for (IFile file : files) {
            byPath.put(file.getLocation().toPath().toAbsolutePath().normalize(), file);
        }
        ModelSet models = VinfraUi.get().injector().getInstance(ModelSet.class);
        try {
            models.load(List.copyOf(byPath.keySet()));
        } catch (ModelSet.UnreadableFileException e) {
            mark(project, IMarker.SEVERITY_ERROR, OUTPUT_PROBLEM, e.getMessage());
            return new Outcome(1, 0, null, outputFolder);
        }
        progress.worked(1);
        List<Problem> problems = models.validate();
        progress.worked(1);
        Map<IFile, List<ProblemMarkers.Mark>> marks = new HashMap<>();
        int errors = 0;
        int warnings = 0;
        for (Problem problem : problems) {
            IFile file = byPath.get(problem.file().toAbsolutePath().normalize());
            if (file == null) {
                file = project.getWorkspace().getRoot().getFileForLocation(org.eclipse.core.runtime.IPath.fromPath(problem.file().toAbsolutePath()));
            }
            if (file == null) {
                continue;
            }
            errors += problem.isError() ? 1 : 0;
            warnings += problem.severity() == Problem.Severity.WARNING ? 1 : 0;
            marks.computeIfAbsent(file, f -> new ArrayList<>()).add(new ProblemMarkers.Mark(severityOf(problem), problem.code(), problem.message(),
                    problem.line(), Math.max(0, problem.offset()), problem.length()));
        }
        for (Map.Entry<IFile, List<ProblemMarkers.Mark>> entry : marks.entrySet()) {
            ProblemMarkers.replace(entry.getKey(), entry.getValue());
        }
        OutputWriter.Summary written = null;
        if (errors == 0 && exportWanted) {
            try {
                written = export(project, models, progress.split(1));
            } catch (RuntimeException e) {
                // the validation reports what an export can trip on; should the exporter refuse anyway, the user
                // gets a marker saying what and what stays, never a "Problem Occurred" dialog
                VinfraUi.log("export of " + project.getName() + " failed", e);
                mark(project, IMarker.SEVERITY_ERROR, OUTPUT_PROBLEM, "vinfra could not export " + project.getName() + ": "
                        + e.getMessage() + ". The previous exports are unchanged; fix the models (Problems view) and save again.");
            }
        }
        return new Outcome(errors, warnings, written, outputFolder);
    }

    private static OutputWriter.Summary export(IProject project, ModelSet models, IProgressMonitor monitor) throws CoreException {
        IFolder output = project.getFolder(VinfraPreferences.outputFolder());
        // written into the output folder: a host path of a model is exported relative to there, as `./vinfra generate -o` does
        GeneratedFiles generated = Exporter.export(models.models(), VinfraPreferences.exportOptions().writingTo(output.getLocation().toPath()));
        if (generated.size() == 0 && !output.exists()) {
            return new OutputWriter.Summary(List.of(), List.of(), List.of());
        }
        OutputWriter.Summary summary;
        try {
            summary = OutputWriter.write(generated, output.getLocation().toPath());
        } catch (IOException e) {
            mark(project, IMarker.SEVERITY_ERROR, OUTPUT_PROBLEM, "the exports could not be written to " + output.getFullPath() + ": " + e.getMessage()
                    + ". Check that the folder is writable, or choose another in Window > Preferences > vinfra.");
            return null;
        }
        output.refreshLocal(IResource.DEPTH_INFINITE, monitor);
        if (output.exists()) {
            output.setDerived(true, monitor);
        }
        return summary;
    }

    private static void mark(IContainer where, int severity, String code, String message) throws CoreException {
        IMarker marker = where.createMarker(ProblemMarkers.TYPE);
        marker.setAttribute(IMarker.SEVERITY, severity);
        marker.setAttribute(IMarker.MESSAGE, message);
        marker.setAttribute(ProblemMarkers.CODE, code);
    }

    private static int severityOf(Problem problem) {
        return switch (problem.severity()) {
            case ERROR -> IMarker.SEVERITY_ERROR;
            case WARNING -> IMarker.SEVERITY_WARNING;
            default -> IMarker.SEVERITY_INFO;
        };
    }
}
