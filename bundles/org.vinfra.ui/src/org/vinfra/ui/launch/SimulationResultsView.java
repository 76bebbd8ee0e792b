package org.vinfra.ui.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.browser.Browser;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;
import org.vinfra.sim.results.HtmlReport;
import org.vinfra.sim.results.SimulationResult;
import org.vinfra.ui.VinfraUi;
import org.vinfra.ui.editor.Locations;
import org.vinfra.ui.server.EmbeddedLanguageServer;

/**
 * The report of the last simulation, the same page as {@code ./vinfra simulate --format html}
 * ({@link HtmlReport}: charts, events, capacities, workload outcomes), in a browser; below it the
 * problems found (double-clicking one opens the model element it is about). A status line above says
 * which run is shown and whether it is still current: it turns into a warning when a .vinfra file of
 * the project changed since the run (stale), and into an error when the last run failed (the results
 * shown are then the previous run's, said so). Toolbar: Re-run (the last launch again) and Export...
 * (the report as one HTML file).
 */
public final class SimulationResultsView extends ViewPart {

    public static final String ID = "org.vinfra.ui.simulationResults";

    static final String RERUN = "Re-run the last simulation";
    static final String EXPORT = "Export the report as one HTML file...";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final Color STALE = new Color(255, 240, 190);
    private static final Color FAILED = new Color(255, 215, 215);

    /** A run that gave results: what ran, when, and its report. */
    private record Shown(ILaunchConfiguration configuration, IFile file, SimulationResult result, String html, LocalTime at) {
    }

    private Composite banner;
    private Label bannerIcon;
    private Label bannerText;
    private Browser browser;
    private TableViewer problems;
    private Shown shown;
    /** Set when the last run failed: why, and when. */
    private String failure;
    private LocalTime failedAt;
    /** Set when a .vinfra file of the shown run's project changed since the run. */
    private IFile changed;
    private LocalTime changedAt;
    private ILaunchConfiguration lastLaunch;
    private Action rerun;
    private Action export;
    private final IResourceChangeListener edits = this::resourcesChanged;

    @Override
    public void createPartControl(Composite parent) {
        Composite body = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(body);
        banner = new Composite(body, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).margins(6, 4).applyTo(banner);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(banner);
        bannerIcon = new Label(banner, SWT.NONE);
        bannerText = new Label(banner, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(bannerText);
        SashForm sash = new SashForm(body, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        try {
            browser = new Browser(sash, SWT.NONE);
            browser.setText(message("Run a .vinfra file with Run As &gt; vinfra Simulation to see its report here."));
        } catch (SWTError e) {
            Label none = new Label(sash, SWT.WRAP);
            none.setText("The report needs a web browser that SWT can embed (on Linux: WebKitGTK, Debian package libwebkit2gtk-4.1-0): "
                    + e.getMessage() + ". Export... still saves the report as an HTML file to open in any browser.");
        }
        problems = new TableViewer(sash, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        problems.getTable().setHeaderVisible(true);
        problems.getTable().setLinesVisible(true);
        problems.setContentProvider(ArrayContentProvider.getInstance());
        column("", 28, p -> "", p -> PlatformUI.getWorkbench().getSharedImages().getImage(switch (p.severity()) {
            case ERROR -> ISharedImages.IMG_OBJS_ERROR_TSK;
            case WARNING -> ISharedImages.IMG_OBJS_WARN_TSK;
            default -> ISharedImages.IMG_OBJS_INFO_TSK;
        }));
        column("Time", 80, p -> String.format(Locale.ROOT, "%.1f s", p.time()), p -> null);
        column("Element", 120, SimulationResult.Problem::entity, p -> null);
        column("Code", 190, SimulationResult.Problem::code, p -> null);
        column("Problem", 700, SimulationResult.Problem::message, p -> null);
        problems.addDoubleClickListener(event -> {
            if (event.getSelection() instanceof IStructuredSelection selection && selection.getFirstElement() instanceof SimulationResult.Problem problem) {
                openElement(problem.entity());
            }
        });
        sash.setWeights(4, 1);
        actions();
        updateStatus();
        ResourcesPlugin.getWorkspace().addResourceChangeListener(edits, IResourceChangeEvent.POST_CHANGE);
    }

    private void actions() {
        rerun = new Action("Re-run", DebugUITools.getImageDescriptor(IDebugUIConstants.IMG_ACT_RUN)) {
            @Override
            public void run() {
                if (lastLaunch != null) {
                    DebugUITools.launch(lastLaunch, ILaunchManager.RUN_MODE);
                }
            }
        };
        rerun.setToolTipText(RERUN);
        export = new Action("Export...", PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(ISharedImages.IMG_ETOOL_SAVEAS_EDIT)) {
            @Override
            public void run() {
                exportReport();
            }
        };
        export.setToolTipText(EXPORT);
        IToolBarManager toolBar = getViewSite().getActionBars().getToolBarManager();
        toolBar.add(rerun);
        toolBar.add(export);
        getViewSite().getActionBars().updateActionBars();
    }

    private void column(String title, int width, java.util.function.Function<SimulationResult.Problem, String> text,
            java.util.function.Function<SimulationResult.Problem, org.eclipse.swt.graphics.Image> image) {
        TableViewerColumn column = new TableViewerColumn(problems, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((SimulationResult.Problem) element);
            }

            @Override
            public org.eclipse.swt.graphics.Image getImage(Object element) {
                return image.apply((SimulationResult.Problem) element);
            }
        });
    }

    /** Shows a run's report (on the UI thread): it is current until a file changes or a run fails. */
    public void show(ILaunchConfiguration configuration, IFile file, SimulationResult result, String html) {
        shown = new Shown(configuration, file, result, html, LocalTime.now().truncatedTo(ChronoUnit.SECONDS));
        lastLaunch = configuration;
        failure = null;
        changed = null;
        if (browser != null) {
            browser.setText(html);
        }
        problems.setInput(result.problems());
        updateStatus();
    }

    /**
     * Says that a run failed and why (on the UI thread). The results of an earlier run stay visible,
     * marked as the previous run's; without one, the page says only that the run failed.
     */
    public void failed(ILaunchConfiguration configuration, IFile file, String reason) {
        lastLaunch = configuration;
        failure = (file == null ? "" : file.getFullPath().makeRelative() + ": ") + reason;
        failedAt = LocalTime.now().truncatedTo(ChronoUnit.SECONDS);
        if (shown == null && browser != null) {
            browser.setText(message("The simulation failed: " + HtmlReport.escape(failure)));
        }
        updateStatus();
    }

    private void updateStatus() {
        String text;
        Color background = null;
        String icon;
        if (failure != null) {
            text = "The last run, at " + CLOCK.format(failedAt) + ", FAILED: " + failure
                    + (shown == null ? "" : "\nShown below: the results of the PREVIOUS run, from " + CLOCK.format(shown.at()) + ", of "
                            + shown.file().getFullPath().makeRelative() + " as it was then.");
            background = FAILED;
            icon = ISharedImages.IMG_OBJS_ERROR_TSK;
        } else if (shown != null && changed != null) {
            text = "STALE: " + changed.getFullPath().makeRelative() + " changed at " + CLOCK.format(changedAt) + ", after this run (" + CLOCK.format(shown.at())
                    + "): the results below are of the models as they were. Re-run to update them.";
            background = STALE;
            icon = ISharedImages.IMG_OBJS_WARN_TSK;
        } else if (shown != null) {
            SimulationResult.Run run = shown.result().run();
            text = String.format(Locale.ROOT, "%s, run at %s: %s at %.1f s of %.1f s simulated (seed %d), %d events in %d ms: %d errors, %d warnings, %d notes",
                    shown.file().getFullPath().makeRelative(), CLOCK.format(shown.at()), run.outcome(), run.endedAt(), run.duration(), run.seed(), run.events(),
                    run.wallMillis(), shown.result().count(SimulationResult.Severity.ERROR), shown.result().count(SimulationResult.Severity.WARNING),
                    shown.result().count(SimulationResult.Severity.INFO));
            icon = ISharedImages.IMG_OBJS_INFO_TSK;
        } else {
            text = "No simulation run yet.";
            icon = ISharedImages.IMG_OBJS_INFO_TSK;
        }
        bannerText.setText(text);
        bannerIcon.setImage(PlatformUI.getWorkbench().getSharedImages().getImage(icon));
        banner.setBackground(background);
        bannerText.setBackground(background);
        bannerIcon.setBackground(background);
        rerun.setEnabled(lastLaunch != null);
        export.setEnabled(shown != null);
        banner.getParent().layout(true, true);
    }

    private void resourcesChanged(IResourceChangeEvent event) {
        Shown run = shown;
        if (run == null || event.getDelta() == null) {
            return;
        }
        IFile[] found = { null };
        try {
            event.getDelta().accept(delta -> {
                if (delta.getResource() instanceof IFile file && "vinfra".equals(file.getFileExtension())
                        && file.getProject().equals(run.file().getProject())
                        && (delta.getKind() != IResourceDelta.CHANGED || (delta.getFlags() & IResourceDelta.CONTENT) != 0)) {
                    found[0] = found[0] == null || file.equals(run.file()) ? file : found[0];
                }
                return true;
            });
        } catch (CoreException e) {
            VinfraUi.log("cannot read a workspace change", e);
        }
        if (found[0] != null) {
            getSite().getShell().getDisplay().asyncExec(() -> {
                if (!banner.isDisposed() && shown == run) {
                    changed = found[0];
                    changedAt = LocalTime.now().truncatedTo(ChronoUnit.SECONDS);
                    updateStatus();
                }
            });
        }
    }

    private void exportReport() {
        if (shown == null) {
            return;
        }
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
        dialog.setText("Export the Simulation Report");
        dialog.setFilterExtensions(new String[] { "*.html", "*" });
        dialog.setFileName(shown.file().getFullPath().removeFileExtension().lastSegment() + "-simulation.html");
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen == null) {
            return;
        }
        try {
            writeAtomically(Path.of(chosen), shown.html());
        } catch (IOException e) {
            MessageDialog.openError(getSite().getShell(), "Export the Simulation Report", "Cannot write " + chosen + ": " + e.getMessage()
                    + ". Nothing was written there; choose a folder you can write to.");
        }
    }

    /** Writes beside the file and renames over it: a failed export leaves no half-written report. */
    static void writeAtomically(Path file, String text) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String message(String html) {
        return "<html><body style='font-family:sans-serif;color:#555;padding:2em'>" + html + "</body></html>";
    }

    /** The result shown (for tests and the user's own checks). */
    public SimulationResult result() {
        return shown == null ? null : shown.result();
    }

    /** The problems table. */
    public TableViewer problemsViewer() {
        return problems;
    }

    /** The browser showing the report (null when no browser can be embedded). */
    public Browser browser() {
        return browser;
    }

    /** The status line: which run is shown, stale or failed. */
    public String status() {
        return bannerText.getText();
    }

    /** Opens the declaration of a simulated entity (a replica "web3" opens its declaration "web[1..n]"). */
    static void openElement(String entity) {
        EmbeddedLanguageServer server = VinfraUi.get().languageServer();
        for (String name : List.of(entity, entity.replaceAll("\\d+$", ""))) {
            var answer = EmbeddedLanguageServer.await(server.server().symbol(new WorkspaceSymbolParams(name)), null);
            if (answer == null) {
                continue;
            }
            List<Location> found = answer.isLeft() ? answer.getLeft().stream().filter(s -> matches(s.getName(), name)).map(SymbolInformation::getLocation).toList()
                    : answer.getRight().stream().filter(s -> matches(s.getName(), name) && s.getLocation().isLeft()).map((WorkspaceSymbol s) -> s.getLocation().getLeft()).toList();
            if (!found.isEmpty()) {
                Locations.open(found.get(0));
                return;
            }
        }
    }

    private static boolean matches(String symbol, String name) {
        return symbol.equals(name) || symbol.endsWith("." + name) || symbol.startsWith(name + "[");
    }

    @Override
    public void setFocus() {
        problems.getControl().setFocus();
    }

    @Override
    public void dispose() {
        ResourcesPlugin.getWorkspace().removeResourceChangeListener(edits);
        super.dispose();
    }
}
