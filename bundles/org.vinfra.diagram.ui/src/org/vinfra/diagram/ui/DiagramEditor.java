package org.vinfra.diagram.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.browser.Browser;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.part.EditorPart;
import org.eclipse.ui.part.FileEditorInput;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.vinfra.diagram.graph.DiagramIds;
import org.vinfra.diagram.graph.TopologyDiagram;
import org.vinfra.diagram.graph.TopologyGraphBuilder;
import org.vinfra.diagram.server.DiagramServer;
import org.vinfra.diagram.server.text.DiagramWorkspace;
import org.vinfra.sim.results.SimulationResult;
import org.vinfra.ui.VinfraUi;
import org.vinfra.ui.launch.SimulationListeners;

/**
 * The topology diagram of a .vinfra file in the workbench (Open With &gt; vinfra Diagram): the live
 * diagram server of {@code ./vinfra diagram} runs inside Eclipse on 127.0.0.1, on the workbench's
 * document of the file ({@link DocumentTextStore}), and its web client is shown in an SWT Browser.
 *
 * <p>A diagram operation is a change of that document: it shows in an open text editor at once, makes
 * both editors dirty, is undone by Ctrl+Z in either, and is saved once. A change typed in the text editor
 * redraws the diagram. The workbench's Undo, Redo, Delete, Select All and Save reach the diagram while it
 * has focus; the selection follows both ways (diagram to the text editor's caret and the Properties view,
 * caret to the diagram).
 */
public final class DiagramEditor extends EditorPart {

    public static final String ID = "org.vinfra.diagram.ui.editor";

    /** How long the text must rest before the diagram is drawn again (ms): keystrokes come closer than this. */
    private static final long REDRAW_DELAY_MS = 60;

    private IFile file;
    private Path path;
    private DocumentTextStore store;
    private volatile DiagramServer server;
    private Browser browser;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "vinfra diagram editor");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> pendingRedraw;
    private final DiagramSelection selection = new DiagramSelection();
    /** The ids last selected from the text editor's caret: their echo from the diagram does not move the caret back. */
    private volatile List<String> selectedFromCaret = List.of();
    private final Consumer<List<String>> diagramSelectionListener = ids -> worker.execute(() -> diagramSelected(ids));
    private ISelectionListener caretListener;
    private volatile String startFailure;
    /** A run of Run As &gt; vinfra Simulation of this file is shown over the diagram. */
    private volatile boolean simulationShown;
    private final BiConsumer<IFile, SimulationResult> simulationListener = (simulated, result) -> {
        if (simulated.equals(file)) {
            worker.execute(() -> showSimulation(result));
        }
    };
    private TopologyDiagram indexed;
    private long indexedVersion = -1;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof IFileEditorInput fileInput) || fileInput.getFile().getLocation() == null) {
            throw new PartInitException("The vinfra Diagram opens .vinfra files of the workspace; " + input.getName() + " is not one.");
        }
        setSite(site);
        setInput(input);
        file = fileInput.getFile();
        path = file.getLocation().toPath().toAbsolutePath().normalize();
        setPartName(file.getName() + " (diagram)");
        setTitleToolTip(file.getFullPath() + ": topology diagram");
        site.setSelectionProvider(selection);
    }

    @Override
    public void createPartControl(Composite parent) {
        Display display = parent.getDisplay();
        Composite root = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.verticalSpacing = 0;
        root.setLayout(layout);

        ToolBar toolbar = new ToolBar(root, SWT.FLAT | SWT.RIGHT);
        toolbar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        ToolItem svg = new ToolItem(toolbar, SWT.PUSH);
        svg.setText("Export SVG\u2026");
        svg.setToolTipText("Save the diagram as an SVG file");
        svg.addListener(SWT.Selection, event -> DiagramExport.exportInteractively(this, DiagramExport.Format.SVG));
        ToolItem png = new ToolItem(toolbar, SWT.PUSH);
        png.setText("Export PNG\u2026");
        png.setToolTipText("Save the diagram as a PNG image");
        png.addListener(SWT.Selection, event -> DiagramExport.exportInteractively(this, DiagramExport.Format.PNG));

        browser = new Browser(root, SWT.NONE);
        browser.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        browser.setText("<html><body style='font-family:sans-serif;color:#555;padding:2em'>Drawing " + file.getName() + "\u2026</body></html>");

        store = new DocumentTextStore(display, this::documentChanged);
        try {
            store.connect(path);
        } catch (CoreException e) {
            showFailure("cannot open " + file.getFullPath() + ": " + e.getMessage());
            return;
        }
        installGlobalActions();
        SimulationListeners.add(simulationListener);
        caretListener = this::caretMoved;
        getSite().getPage().addPostSelectionListener(caretListener);
        worker.execute(() -> {
            try {
                DiagramServer started = DiagramServer.start(VinfraUi.get().injector(), List.of(path), 0, store);
                server = started;
                started.workspace().addSelectionListener(diagramSelectionListener);
                String url = started.url() + "&embedded=eclipse";
                display.asyncExec(() -> {
                    if (!browser.isDisposed()) {
                        browser.setUrl(url);
                    }
                });
            } catch (Throwable e) {
                startFailure = String.valueOf(e.getMessage());
                VinfraUi.log("the diagram server of " + file.getFullPath() + " could not start", e);
                display.asyncExec(() -> showFailure("The diagram server could not start: " + e.getMessage()
                        + " (details in the Error Log)"));
            }
        });
    }

    private void showFailure(String message) {
        if (browser != null && !browser.isDisposed()) {
            browser.setText("<html><body style='font-family:sans-serif;color:#a00;padding:2em'>" + escape(message) + "</body></html>");
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    // ------------------------------------------------------------------------------------ text to diagram

    private static final boolean TRACE = Boolean.getBoolean("vinfra.diagram.trace");

    private static void trace(String message) {
        if (TRACE) {
            System.err.println("vinfra diagram editor: " + message);
        }
    }

    /** On the UI thread, after every change of a document the diagram shows. */
    private void documentChanged(Path changed, boolean byDiagram) {
        trace("document changed: " + changed + (byDiagram ? " (by the diagram)" : ""));
        firePropertyChange(PROP_DIRTY);
        if (simulationShown) {
            worker.execute(() -> {
                DiagramServer current = server;
                if (current != null) {
                    current.simulation().markStale("the text changed since this run: Run As > vinfra Simulation to simulate it again");
                }
            });
        }
        if (byDiagram) {
            return; // the diagram server redraws what it wrote itself
        }
        synchronized (this) {
            if (pendingRedraw != null) {
                pendingRedraw.cancel(false);
            }
            pendingRedraw = worker.schedule(() -> {
                DiagramServer current = server;
                if (current != null) {
                    trace("checking the texts");
                    current.workspace().checkDisk();
                    trace("checked the texts");
                }
            }, REDRAW_DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    // ------------------------------------------------------------------------------------ simulation

    /** On the worker: shows a run of this file over the diagram (loads, failures, problems: the simulation overlay). */
    private void showSimulation(SimulationResult result) {
        DiagramServer current = server;
        if (current == null) {
            return;
        }
        try {
            current.simulation().showSimulation(current.workspace().snapshot().models().modelsWithImports(), result);
            simulationShown = true;
        } catch (Exception e) {
            VinfraUi.log("the simulation of " + file.getFullPath() + " could not be shown on its diagram", e);
        }
    }

    // ------------------------------------------------------------------------------------ selection

    /** On the worker: the user selected these elements in the diagram. */
    private void diagramSelected(List<String> ids) {
        DiagramServer current = server;
        if (current == null) {
            return;
        }
        List<DiagramElement> elements = ids.stream().map(id -> element(current.workspace(), id)).flatMap(Optional::stream).toList();
        boolean echo = ids.equals(selectedFromCaret);
        Display display = getSite().getShell().getDisplay();
        display.asyncExec(() -> {
            if (browser == null || browser.isDisposed()) {
                return;
            }
            selection.set(elements.isEmpty() ? StructuredSelection.EMPTY : new StructuredSelection(elements));
            if (!echo && elements.size() == 1) {
                revealInTextEditor(elements.get(0));
            }
        });
    }

    /** The element behind a diagram id, with where its name is written. */
    private Optional<DiagramElement> element(DiagramWorkspace workspace, String id) {
        try {
            DiagramWorkspace.Snapshot snapshot = workspace.snapshot();
            TopologyDiagram diagram = diagramOf(snapshot);
            return diagram.modelElement(id).map(object -> DiagramElement.of(id, object));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private synchronized TopologyDiagram diagramOf(DiagramWorkspace.Snapshot snapshot) {
        if (indexed == null || indexedVersion != snapshot.version()) {
            indexed = new TopologyGraphBuilder(Set.of()).build(snapshot.models(), snapshot.problems());
            indexedVersion = snapshot.version();
        }
        return indexed;
    }

    /** Moves an open text editor's caret to the element (without activating it: the diagram keeps the focus). */
    private void revealInTextEditor(DiagramElement element) {
        ITextEditor text = openTextEditor(element.file());
        if (text != null) {
            text.selectAndReveal(element.nameOffset(), element.nameLength());
        }
    }

    private ITextEditor openTextEditor(Path of) {
        IFile target = DocumentTextStore.workspaceFile(of);
        if (target == null) {
            return null;
        }
        for (IEditorReference reference : getSite().getPage().getEditorReferences()) {
            IEditorPart part = reference.getEditor(false);
            if (part != this && part != null && part.getEditorInput() instanceof IFileEditorInput input && input.getFile().equals(target)) {
                ITextEditor text = part.getAdapter(ITextEditor.class);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    /** The text editor's caret moved: select the innermost element the diagram shows there. */
    private void caretMoved(IWorkbenchPart part, ISelection moved) {
        if (part == this || !(moved instanceof ITextSelection text) || !(part instanceof IEditorPart editor)
                || !(editor.getEditorInput() instanceof IFileEditorInput input) || input.getFile().getLocation() == null) {
            return;
        }
        Path at = input.getFile().getLocation().toPath().toAbsolutePath().normalize();
        int offset = text.getOffset();
        trace("caret moved in " + part.getTitle());
        worker.execute(() -> {
            DiagramServer current = server;
            if (current == null) {
                return;
            }
            try {
                DiagramWorkspace.Snapshot snapshot = current.workspace().snapshot();
                String id = idAt(snapshot, at, offset);
                trace("caret at " + offset + " of " + at + ": " + id);
                if (id != null) {
                    selectedFromCaret = List.of(id);
                    current.workspace().select(List.of(id));
                }
            } catch (Exception e) {
                // the text does not parse right now: the diagram keeps its selection
            }
        });
    }

    /** The id of the innermost element the diagram shows at an offset of a file, or null. */
    static String idAt(DiagramWorkspace.Snapshot snapshot, Path at, int offset) {
        for (var resource : snapshot.models().resourceSet().getResources()) {
            if (resource instanceof XtextResource xtext && xtext.getParseResult() != null && resource.getURI().isFile()
                    && DiagramWorkspace.Snapshot.fileOf(resource).equals(at)) {
                ICompositeNode root = xtext.getParseResult().getRootNode();
                ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(root, Math.min(offset, Math.max(0, root.getTotalLength() - 1)));
                EObject element = leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
                while (element != null) {
                    String id = DiagramIds.idOf(element);
                    if (id != null) {
                        return id;
                    }
                    element = element.eContainer();
                }
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------ commands

    /** The workbench's Undo, Redo, Delete and Select All act on the diagram while it is the active part. */
    private void installGlobalActions() {
        var bars = getEditorSite().getActionBars();
        bars.setGlobalActionHandler(ActionFactory.UNDO.getId(), action("Undo", workspace -> report(workspace.undo(null))));
        bars.setGlobalActionHandler(ActionFactory.REDO.getId(), action("Redo", workspace -> report(workspace.redo(null))));
        bars.setGlobalActionHandler(ActionFactory.DELETE.getId(), action("Delete", DiagramWorkspace::deleteSelected));
        bars.setGlobalActionHandler(ActionFactory.SELECT_ALL.getId(), action("Select All", DiagramWorkspace::selectAll));
        bars.updateActionBars();
    }

    private Action action(String label, Consumer<DiagramWorkspace> work) {
        return new Action(label) {
            @Override
            public void run() {
                DiagramServer current = server;
                if (current != null) {
                    worker.execute(() -> work.accept(current.workspace()));
                }
            }
        };
    }

    private void report(DiagramWorkspace.Result result) {
        Display display = getSite().getShell().getDisplay();
        display.asyncExec(() -> {
            if (browser != null && !browser.isDisposed()) {
                getEditorSite().getActionBars().getStatusLineManager().setMessage(result.message());
            }
        });
    }

    // ------------------------------------------------------------------------------------ saving

    @Override
    public void doSave(IProgressMonitor monitor) {
        try {
            store.save();
        } catch (CoreException e) {
            MessageDialog.openError(getSite().getShell(), "Save", "The file could not be saved: " + e.getMessage());
        }
        firePropertyChange(PROP_DIRTY);
    }

    @Override
    public void doSaveAs() {
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    @Override
    public boolean isDirty() {
        return store != null && store.isDirty();
    }

    /** Asks to save on close only when no other editor (the text editor) still holds the changes. */
    @Override
    public boolean isSaveOnCloseNeeded() {
        if (!isDirty()) {
            return false;
        }
        for (Path each : store.files()) {
            if (openTextEditor(each) == null && DocumentTextStore.workspaceFile(each) != null) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------ access

    @Override
    public void setFocus() {
        if (browser != null && !browser.isDisposed()) {
            browser.setFocus();
        }
    }

    /** The file shown. */
    public IFile file() {
        return file;
    }

    /** The diagram server, once started (null before, or when it could not start: see {@link #startFailure()}). */
    public DiagramServer server() {
        return server;
    }

    /** Why the server could not start, or null. */
    public String startFailure() {
        return startFailure;
    }

    /** The browser showing the client (for tests and exports). */
    public Browser browser() {
        return browser;
    }

    /** Runs work on the editor's own thread (never the UI thread: the diagram server may need the UI thread). */
    void onWorker(Runnable work) {
        worker.execute(work);
    }

    /** Opens the diagram of a file. */
    public static DiagramEditor open(IWorkbenchPage page, IFile file) throws PartInitException {
        // match the editor id too: the file's text editor has the same input
        return (DiagramEditor) page.openEditor(new FileEditorInput(file), ID, true, IWorkbenchPage.MATCH_ID | IWorkbenchPage.MATCH_INPUT);
    }

    @Override
    public void dispose() {
        SimulationListeners.remove(simulationListener);
        if (caretListener != null) {
            getSite().getPage().removePostSelectionListener(caretListener);
        }
        DiagramServer current = server;
        server = null;
        worker.execute(() -> {
            if (current != null) {
                current.workspace().removeSelectionListener(diagramSelectionListener);
                current.close();
            }
        });
        worker.shutdown();
        if (store != null) {
            store.dispose();
        }
        super.dispose();
    }
}
