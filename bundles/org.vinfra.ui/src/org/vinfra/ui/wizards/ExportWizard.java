package org.vinfra.ui.wizards;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IExportWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.console.MessageConsoleStream;
import org.eclipse.ui.dialogs.FilteredResourcesSelectionDialog;
import org.vinfra.formats.ExportOptions;
import org.vinfra.formats.Exporter;
import org.vinfra.formats.GeneratedFiles;
import org.vinfra.formats.OutputWriter;
import org.vinfra.formats.Target;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.lang.workspace.Problem;
import org.vinfra.ui.VinfraUi;
import org.vinfra.ui.builder.GenerateHandler;
import org.vinfra.ui.builder.VinfraBuilder;
import org.vinfra.ui.preferences.VinfraPreferences;

/**
 * File > Export > vinfra > vinfra model to compose, Dockerfile, LXC or libvirt files: writes the
 * exports of one .vinfra file into a folder of the file system with the exporters of
 * {@code ./vinfra generate}. The model is validated with the other files of its project (references
 * across files resolve); a model with errors is refused, its errors listed on the page. The files
 * are written atomically (all or none, {@link OutputWriter}); what was written goes to the
 * "vinfra Generate" console.
 */
public final class ExportWizard extends Wizard implements IExportWizard {

    private IStructuredSelection selection;
    private Page page;

    @Override
    public void init(IWorkbench workbench, IStructuredSelection selection) {
        this.selection = selection;
        setWindowTitle("Export a vinfra Model");
    }

    @Override
    public void addPages() {
        page = new Page();
        addPage(page);
    }

    @Override
    public boolean performFinish() {
        IFile model = page.model();
        Path folder = page.folder();
        Validated validated = validate(model);
        if (validated == null || validated.errors()) {
            page.update();
            return false;
        }
        ExportOptions options = new ExportOptions(page.targets(), VinfraPreferences.exportOptions().cgroupVersion()).writingTo(folder);
        OutputWriter.Summary summary;
        try {
            GeneratedFiles generated = Exporter.export(List.of(validated.model()), options);
            summary = OutputWriter.write(generated, folder);
        } catch (IOException | RuntimeException e) {
            page.setErrorMessage("Nothing was written to " + folder + ": " + e.getMessage() + " (what was there is unchanged).");
            return false;
        }
        for (IContainer container : ResourcesPlugin.getWorkspace().getRoot().findContainersForLocationURI(folder.toUri())) {
            try {
                container.refreshLocal(IResource.DEPTH_INFINITE, null);
            } catch (CoreException e) {
                VinfraUi.log("cannot refresh " + container.getFullPath(), e);
            }
        }
        try (MessageConsoleStream out = GenerateHandler.console().newMessageStream()) {
            out.println(model.getFullPath() + " exported to " + folder + ": " + summary.written().size() + " written, " + summary.unchanged().size()
                    + " unchanged, " + summary.removed().size() + " removed");
            for (String written : summary.written()) {
                out.println("  wrote " + folder.resolve(written));
            }
        } catch (IOException e) {
            VinfraUi.log("cannot write to the console", e);
        }
        return true;
    }

    /** The chosen model validated with its project's other files; null when it cannot be read. */
    record Validated(Model model, List<Problem> problems) {
        boolean errors() {
            return problems.stream().anyMatch(Problem::isError);
        }
    }

    static Validated validate(IFile file) {
        if (file == null || file.getLocation() == null) {
            return null;
        }
        try {
            List<Path> paths = new ArrayList<>();
            Path chosen = file.getLocation().toPath().toAbsolutePath().normalize();
            paths.add(chosen);
            for (IFile other : VinfraBuilder.modelFiles(file.getProject())) {
                Path path = other.getLocation().toPath().toAbsolutePath().normalize();
                if (!path.equals(chosen)) {
                    paths.add(path);
                }
            }
            ModelSet models = VinfraUi.get().injector().getInstance(ModelSet.class);
            models.load(paths);
            List<Problem> problems = models.validate().stream().filter(p -> p.file().toAbsolutePath().normalize().equals(chosen)).toList();
            Model model = models.models().stream().filter(m -> m.eResource() != null && m.eResource().getURI().isFile()
                    && Path.of(m.eResource().getURI().toFileString()).toAbsolutePath().normalize().equals(chosen)).findFirst().orElse(null);
            return model == null ? null : new Validated(model, problems);
        } catch (CoreException | ModelSet.UnreadableFileException e) {
            VinfraUi.log("cannot read the models of " + file.getProject().getName(), e);
            return null;
        }
    }

    /** The one page: the model, the targets, the folder, and the model's problems. */
    final class Page extends WizardPage {

        private Text model;
        private Text folder;
        private final Map<Target, Button> targets = new EnumMap<>(Target.class);
        private ProblemTable problems;
        private Validated lastValidated;
        private String lastValidatedKey;

        Page() {
            super("export");
            setTitle("Export a vinfra Model");
            setDescription("Writes the compose files, Dockerfiles, LXC configs and libvirt XML of a .vinfra file into a folder.");
        }

        @Override
        public void createControl(Composite parent) {
            Composite area = new Composite(parent, SWT.NONE);
            area.setLayout(new GridLayout(3, false));

            new Label(area, SWT.NONE).setText("&Model:");
            model = new Text(area, SWT.BORDER);
            GridDataFactory.fillDefaults().grab(true, false).applyTo(model);
            model.setText(initialModel());
            Button chooseModel = new Button(area, SWT.PUSH);
            chooseModel.setText("B&rowse...");
            chooseModel.addListener(SWT.Selection, e -> chooseModel());

            new Label(area, SWT.NONE).setText("&Export:");
            Composite boxes = new Composite(area, SWT.NONE);
            boxes.setLayout(new GridLayout(Target.values().length, false));
            GridDataFactory.fillDefaults().span(2, 1).applyTo(boxes);
            Set<Target> preferred = VinfraPreferences.exportOptions().targets();
            for (Target target : Target.values()) {
                Button box = new Button(boxes, SWT.CHECK);
                box.setText(switch (target) {
                    case COMPOSE -> "&compose files";
                    case DOCKERFILE -> "&Dockerfiles";
                    case LXC -> "&LXC configs";
                    case LIBVIRT -> "li&bvirt XML";
                });
                box.setSelection(preferred.isEmpty() || preferred.contains(target));
                box.addListener(SWT.Selection, e -> update());
                targets.put(target, box);
            }

            new Label(area, SWT.NONE).setText("To &folder:");
            folder = new Text(area, SWT.BORDER);
            GridDataFactory.fillDefaults().grab(true, false).applyTo(folder);
            Button chooseFolder = new Button(area, SWT.PUSH);
            chooseFolder.setText("Bro&wse...");
            chooseFolder.addListener(SWT.Selection, e -> chooseFolder());

            Label reported = new Label(area, SWT.NONE);
            reported.setText("Problems of the model:");
            GridDataFactory.fillDefaults().span(3, 1).applyTo(reported);
            problems = new ProblemTable(area, 3);

            model.addModifyListener(e -> update());
            folder.addModifyListener(e -> update());
            setControl(area);
            update();
        }

        private String initialModel() {
            Object first = selection == null ? null : selection.getFirstElement();
            return Adapters.adapt(first, IFile.class) instanceof IFile file && "vinfra".equals(file.getFileExtension()) ? file.getFullPath().toString() : "";
        }

        private void chooseModel() {
            FilteredResourcesSelectionDialog dialog = new FilteredResourcesSelectionDialog(getShell(), false, ResourcesPlugin.getWorkspace().getRoot(),
                    IResource.FILE);
            dialog.setTitle("The Model to Export");
            dialog.setInitialPattern("*.vinfra");
            if (dialog.open() == FilteredResourcesSelectionDialog.OK && dialog.getFirstResult() instanceof IFile file) {
                model.setText(file.getFullPath().toString());
            }
        }

        private void chooseFolder() {
            DirectoryDialog dialog = new DirectoryDialog(getShell());
            dialog.setText("The Folder to Export Into");
            String chosen = dialog.open();
            if (chosen != null) {
                folder.setText(chosen);
            }
        }

        IFile model() {
            String path = model.getText().strip();
            if (path.isEmpty()) {
                return null;
            }
            IResource found = ResourcesPlugin.getWorkspace().getRoot().findMember(IPath.fromOSString(path));
            return found instanceof IFile file && "vinfra".equals(file.getFileExtension()) ? file : null;
        }

        Path folder() {
            return Path.of(folder.getText().strip()).toAbsolutePath().normalize();
        }

        Set<Target> targets() {
            Set<Target> chosen = EnumSet.noneOf(Target.class);
            targets.forEach((target, box) -> {
                if (box.getSelection()) {
                    chosen.add(target);
                }
            });
            return chosen;
        }

        /** The model validated, again only when it or its project's files changed since the last time. */
        private Validated validated(IFile file) {
            String key = file.getFullPath() + "@" + file.getModificationStamp() + "@" + file.getProject().getModificationStamp();
            if (!key.equals(lastValidatedKey)) {
                lastValidated = validate(file);
                lastValidatedKey = key;
            }
            return lastValidated;
        }

        /** Checks the choices and validates the model as Finish will; its problems are listed, an error refuses the export. */
        void update() {
            setErrorMessage(null);
            setMessage(null);
            problems.show(List.of());
            IFile file = model();
            if (file == null || !file.exists()) {
                fail("Choose the .vinfra file to export (a path in the workspace, or Browse).");
                return;
            }
            Validated validated = validated(file);
            if (validated == null) {
                fail(file.getFullPath() + " cannot be read: see the Error Log.");
                return;
            }
            problems.show(validated.problems());
            long errors = validated.problems().stream().filter(Problem::isError).count();
            if (errors > 0) {
                fail(file.getName() + " has " + errors + (errors == 1 ? " error" : " errors") + " (listed below): nothing can be exported until they"
                        + " are fixed.");
                return;
            }
            if (targets().isEmpty()) {
                fail("Choose at least one kind of file to export.");
                return;
            }
            if (folder.getText().isBlank() || !Path.of(folder.getText().strip()).isAbsolute()) {
                fail("Choose the folder to write into (an absolute path, or Browse); it is created if needed.");
                return;
            }
            setMessage("Press Finish to write the files into " + folder() + " (all or none; files a previous export wrote and this one does not are removed).");
            setPageComplete(true);
        }

        private void fail(String message) {
            setErrorMessage(message);
            setPageComplete(false);
        }
    }
}
