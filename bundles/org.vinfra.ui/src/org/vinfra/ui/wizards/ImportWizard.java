package org.vinfra.ui.wizards;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IImportWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.dialogs.ContainerSelectionDialog;
import org.eclipse.ui.ide.IDE;
import org.vinfra.formats.Importer;
import org.vinfra.lang.workspace.Problem;
import org.vinfra.ui.VinfraUi;

/**
 * File > Import > vinfra > Compose, Dockerfile or LXC config: reads the chosen files with the
 * importer of {@code ./vinfra import} into a new .vinfra file of a project or folder. The page lists
 * what the importer reported (what was approximated, kept as {@code native} settings) before Finish;
 * files with errors import nothing.
 */
public final class ImportWizard extends Wizard implements IImportWizard {

    private IWorkbench workbench;
    private IStructuredSelection selection;
    private Page page;

    @Override
    public void init(IWorkbench workbench, IStructuredSelection selection) {
        this.workbench = workbench;
        this.selection = selection;
        setWindowTitle("Import into a vinfra Model");
    }

    @Override
    public void addPages() {
        page = new Page();
        addPage(page);
    }

    @Override
    public boolean performFinish() {
        IFile target = page.target();
        Importer.Result result;
        try {
            result = importer().read(page.files(), target.getLocation().toPath(), System.getenv());
        } catch (IOException e) {
            page.setErrorMessage("Cannot read the files: " + e.getMessage());
            return false;
        }
        if (result.report().hasErrors() || result.text().isEmpty()) {
            page.show(result.report().problems());
            return false;
        }
        try {
            // IFile.create writes the whole text or nothing; an existing file is never replaced (the page refuses it)
            target.create(new ByteArrayInputStream(result.text().getBytes(StandardCharsets.UTF_8)), IResource.NONE, null);
            target.setCharset(StandardCharsets.UTF_8.name(), null);
        } catch (CoreException e) {
            MessageDialog.openError(getShell(), "Import into a vinfra Model", target.getFullPath() + " could not be written: " + e.getMessage());
            return false;
        }
        try {
            IDE.openEditor(workbench.getActiveWorkbenchWindow().getActivePage(), target, true);
        } catch (PartInitException e) {
            VinfraUi.log("cannot open " + target.getFullPath(), e);
        }
        return true;
    }

    private static Importer importer() {
        return VinfraUi.get().injector().getInstance(Importer.class);
    }

    /** The one page: files to read, where to write the model, and what the importer reports. */
    final class Page extends WizardPage {

        private Text files;
        private Text folder;
        private Text name;
        private boolean nameEdited;
        private boolean settingName;
        private ProblemTable problems;

        Page() {
            super("import");
            setTitle("Import Compose Files, Dockerfiles and LXC Configs");
            setDescription("Reads them into a new .vinfra file. What the language approximates is listed below before you press Finish.");
        }

        @Override
        public void createControl(Composite parent) {
            Composite area = new Composite(parent, SWT.NONE);
            area.setLayout(new GridLayout(3, false));

            new Label(area, SWT.NONE).setText("&Files (one per line):");
            files = new Text(area, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL);
            GridDataFactory.fillDefaults().grab(true, false).hint(400, 60).applyTo(files);
            files.setToolTipText("Compose files (*.yaml, *.yml), Dockerfiles (Dockerfile, NAME.Dockerfile), LXC configs (config, *.conf)");
            Button add = new Button(area, SWT.PUSH);
            add.setText("&Add Files...");
            GridDataFactory.fillDefaults().align(SWT.FILL, SWT.TOP).applyTo(add);
            add.addListener(SWT.Selection, e -> addFiles());

            new Label(area, SWT.NONE).setText("Into f&older:");
            folder = new Text(area, SWT.BORDER);
            GridDataFactory.fillDefaults().grab(true, false).applyTo(folder);
            folder.setText(initialFolder());
            Button browse = new Button(area, SWT.PUSH);
            browse.setText("&Browse...");
            browse.addListener(SWT.Selection, e -> chooseFolder());

            new Label(area, SWT.NONE).setText("&Model file:");
            name = new Text(area, SWT.BORDER);
            GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(name);
            name.setText("imported.vinfra");

            Label reported = new Label(area, SWT.NONE);
            reported.setText("What the importer reports:");
            GridDataFactory.fillDefaults().span(3, 1).applyTo(reported);
            problems = new ProblemTable(area, 3);

            files.addModifyListener(e -> {
                suggestName();
                update();
            });
            folder.addModifyListener(e -> update());
            name.addModifyListener(e -> {
                nameEdited |= !settingName;
                update();
            });
            setControl(area);
            update();
        }

        private String initialFolder() {
            Object first = selection == null ? null : selection.getFirstElement();
            IResource resource = Adapters.adapt(first, IResource.class);
            if (resource instanceof IFile file) {
                resource = file.getParent();
            }
            return resource instanceof IContainer container && container.getType() != IResource.ROOT ? container.getFullPath().toString() : "";
        }

        private void addFiles() {
            FileDialog dialog = new FileDialog(getShell(), SWT.OPEN | SWT.MULTI);
            dialog.setText("Files to Import");
            if (dialog.open() != null) {
                StringBuilder text = new StringBuilder(files.getText().strip());
                for (String chosen : dialog.getFileNames()) {
                    text.append(text.isEmpty() ? "" : "\n").append(Path.of(dialog.getFilterPath(), chosen));
                }
                files.setText(text.toString());
            }
        }

        private void chooseFolder() {
            ContainerSelectionDialog dialog = new ContainerSelectionDialog(getShell(), container(), false, "The project or folder of the new model:");
            if (dialog.open() == ContainerSelectionDialog.OK && dialog.getResult().length == 1) {
                folder.setText(dialog.getResult()[0].toString());
            }
        }

        /** A name after what is imported: wordpress/compose.yaml gives wordpress.vinfra, apache2.Dockerfile apache2.vinfra. */
        private void suggestName() {
            List<Path> chosen = files();
            if (nameEdited || chosen.isEmpty()) {
                return;
            }
            Path first = chosen.get(0);
            if (first.getFileName() == null) {
                return; // "/" while its path is being typed
            }
            String base = first.getFileName().toString().replaceFirst("(?i)\\.(ya?ml|dockerfile|containerfile|conf)$", "");
            if (base.equalsIgnoreCase("compose") || base.equalsIgnoreCase("docker-compose") || base.equalsIgnoreCase("config")
                    || base.equalsIgnoreCase("dockerfile") || base.equalsIgnoreCase("containerfile")) {
                base = first.toAbsolutePath().getParent() == null || first.toAbsolutePath().getParent().getFileName() == null ? "imported"
                        : first.toAbsolutePath().getParent().getFileName().toString();
            }
            settingName = true;
            try {
                name.setText(base.replaceAll("[^A-Za-z0-9._-]+", "-") + ".vinfra");
            } finally {
                settingName = false;
            }
        }

        List<Path> files() {
            List<Path> paths = new ArrayList<>();
            for (String line : files.getText().split("\\R")) {
                if (!line.isBlank()) {
                    paths.add(Path.of(line.strip()));
                }
            }
            return paths;
        }

        private IContainer container() {
            String path = folder.getText().strip();
            if (path.isEmpty()) {
                return null;
            }
            IResource found = ResourcesPlugin.getWorkspace().getRoot().findMember(IPath.fromOSString(path));
            return found instanceof IContainer container && found.getType() != IResource.ROOT ? container : null;
        }

        IFile target() {
            return container().getFile(IPath.fromOSString(name.getText().strip()));
        }

        void show(List<Problem> reported) {
            problems.show(reported);
            long errors = reported.stream().filter(Problem::isError).count();
            if (errors > 0) {
                setErrorMessage(errors + (errors == 1 ? " error" : " errors") + " in the files: nothing can be imported. Correct the files (the list says where) and they are read again.");
                setPageComplete(false);
            }
        }

        /** Checks the choices, then reads the files as Finish will and lists what the importer reports. */
        private void update() {
            setErrorMessage(null);
            setMessage(null);
            List<Path> chosen = files();
            problems.show(List.of());
            if (chosen.isEmpty()) {
                fail("Choose the files to import: type their paths or press Add Files.");
                return;
            }
            for (Path file : chosen) {
                if (!Files.isRegularFile(file)) {
                    fail(file + " is not a file: correct its path.");
                    return;
                }
            }
            IContainer container = container();
            if (container == null || !container.isAccessible()) {
                fail("Choose an open project or folder of the workspace for the model (Browse).");
                return;
            }
            String fileName = name.getText().strip();
            if (!fileName.endsWith(".vinfra") || fileName.length() == ".vinfra".length() || fileName.contains("/")) {
                fail("The model's file name must end in .vinfra (for example wordpress.vinfra).");
                return;
            }
            IFile target = container.getFile(IPath.fromOSString(fileName));
            if (target.exists()) {
                fail(target.getFullPath() + " exists (it may hold your edits): choose another name.");
                return;
            }
            Importer.Result result;
            try {
                result = importer().read(chosen, target.getLocation() == null ? null : target.getLocation().toPath(), System.getenv());
            } catch (IOException e) {
                fail("Cannot read the files: " + e.getMessage());
                return;
            }
            problems.show(result.report().problems());
            long errors = result.report().problems().stream().filter(Problem::isError).count();
            long warnings = result.report().problems().size() - errors;
            if (errors > 0) {
                show(result.report().problems());
                return;
            }
            if (warnings > 0) {
                setMessage(warnings + (warnings == 1 ? " thing is" : " things are") + " approximated (listed below: each says what the model"
                        + " keeps instead); press Finish to write " + target.getFullPath() + ".", IMessageProvider.WARNING);
            } else {
                setMessage("Everything maps onto the language; press Finish to write " + target.getFullPath() + ".");
            }
            setPageComplete(true);
        }

        private void fail(String message) {
            setErrorMessage(message);
            setPageComplete(false);
        }
    }
}
