package org.vinfra.ui.launch;

import java.util.List;
import java.util.Locale;

import org.eclipse.core.resources.IFile;
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
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;
import org.vinfra.sim.results.SimulationResult;
import org.vinfra.sim.results.SimulationResult.Series;
import org.vinfra.ui.VinfraUi;
import org.vinfra.ui.editor.Locations;
import org.vinfra.ui.server.EmbeddedLanguageServer;

/**
 * The results of the last simulation: CPU and memory per host and ready time per VM over time, and
 * the problems found. Double-clicking a problem opens the model element it is about.
 */
public final class SimulationResultsView extends ViewPart {

    public static final String ID = "org.vinfra.ui.simulationResults";

    private Label summary;
    private Chart cpu;
    private Chart memory;
    private Chart ready;
    private TableViewer problems;
    private SimulationResult shown;

    @Override
    public void createPartControl(Composite parent) {
        Composite body = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(body);
        summary = new Label(body, SWT.WRAP);
        summary.setText("Run a .vinfra file with Run As > vinfra Simulation to see its results here.");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
        SashForm sash = new SashForm(body, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        Composite charts = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).equalWidth(true).applyTo(charts);
        cpu = chart(charts);
        memory = chart(charts);
        ready = chart(charts);
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
        sash.setWeights(3, 2);
    }

    private static Chart chart(Composite parent) {
        Chart chart = new Chart(parent);
        GridDataFactory.fillDefaults().grab(true, true).hint(200, 180).applyTo(chart);
        return chart;
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

    /** Shows a run's results. */
    public void show(IFile file, SimulationResult result) {
        shown = result;
        SimulationResult.Run run = result.run();
        summary.setText(String.format(Locale.ROOT, "%s: %s at %.1f s of %.1f s simulated (seed %d), %d events in %d ms - %d errors, %d warnings, %d notes",
                file.getFullPath().makeRelative(), run.outcome(), run.endedAt(), run.duration(), run.seed(), run.events(), run.wallMillis(),
                result.count(SimulationResult.Severity.ERROR), result.count(SimulationResult.Severity.WARNING), result.count(SimulationResult.Severity.INFO)));
        List<Series> hosts = result.series().stream().filter(s -> !"cluster".equals(s.entity())).toList();
        cpu.show("CPU per host", "fraction busy", hosts.stream().filter(s -> "cpu".equals(s.metric())).toList());
        memory.show("Memory per host", "GiB", hosts.stream().filter(s -> "memory".equals(s.metric())).toList());
        ready.show("Ready time per VM", "CPUs waiting", result.series().stream().filter(s -> "ready".equals(s.metric())).toList());
        problems.setInput(result.problems());
        summary.getParent().layout(true, true);
    }

    /** The result shown (for tests and the user's own checks). */
    public SimulationResult result() {
        return shown;
    }

    /** The problems table. */
    public TableViewer problemsViewer() {
        return problems;
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
}
