package org.vinfra.ui.launch;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.LaunchConfigurationDelegate;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.MessageConsole;
import org.eclipse.ui.console.MessageConsoleStream;
import org.vinfra.lang.model.Units;
import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.lang.workspace.Problem;
import org.vinfra.sim.engine.SimulationOptions;
import org.vinfra.sim.engine.StackSimulation;
import org.vinfra.sim.entities.SimModel;
import org.vinfra.sim.lang.ModelToSimulation;
import org.vinfra.sim.results.HtmlReport;
import org.vinfra.sim.results.SimulationResult;
import org.vinfra.ui.VinfraUi;
import org.vinfra.ui.preferences.VinfraPreferences;

/**
 * Runs a simulation (the launch runs in a background job: progress in the status line and Progress
 * view, Cancel stops the run and keeps what was simulated). The event log goes to a Console, the
 * report to the Simulation Results view, which is also told when a run fails, and why.
 */
public final class SimulationLaunchDelegate extends LaunchConfigurationDelegate {

    @Override
    public void launch(ILaunchConfiguration configuration, String mode, ILaunch launch, IProgressMonitor monitor) throws CoreException {
        IFile file = null;
        try {
            file = fileOf(configuration);
            double seconds = durationOf(configuration);
            long seed = Long.parseLong(configuration.getAttribute(SimulationLaunch.SEED, VinfraPreferences.get(VinfraPreferences.SIMULATION_SEED)).strip());
            MessageConsole console = console("vinfra simulation: " + file.getFullPath().makeRelative());
            try (MessageConsoleStream out = console.newMessageStream(); PrintStream print = new PrintStream(out, true, file.getCharset())) {
                run(configuration, file, seconds, seed, print, monitor);
            } catch (java.io.IOException e) {
                throw new CoreException(VinfraUi.error("the console could not be written", e));
            }
        } catch (CoreException e) {
            failed(configuration, file, e.getStatus().getMessage());
            throw e;
        } catch (NumberFormatException e) {
            failed(configuration, file, "the seed of '" + configuration.getName() + "' is not a whole number (" + e.getMessage() + ")");
            throw new CoreException(VinfraUi.error("The seed of '" + configuration.getName() + "' is not a whole number: choose one on its Simulation tab.", e));
        } catch (RuntimeException e) {
            failed(configuration, file, "the simulation stopped with an internal error (" + e + "); the Error Log has the details");
            throw e;
        }
    }

    /**
     * Runs the simulation of a file and shows its report in the Simulation Results view; when the models
     * have errors (they are printed), nothing is simulated, the view says so and null is returned.
     */
    static SimulationResult run(ILaunchConfiguration configuration, IFile file, double seconds, long seed, PrintStream out, IProgressMonitor monitor)
            throws CoreException {
        SubMonitor progress = SubMonitor.convert(monitor, "Simulating " + file.getName(), 1000);
        ModelSet models = VinfraUi.get().injector().getInstance(ModelSet.class);
        try {
            models.load(List.of(file.getLocation().toPath()));
        } catch (ModelSet.UnreadableFileException e) {
            throw new CoreException(VinfraUi.error(e.getMessage(), e));
        }
        List<Problem> errors = models.validate().stream().filter(Problem::isError).toList();
        out.printf(Locale.ROOT, "vinfra: simulating %s for %s s (seed %d)%n", file.getFullPath().makeRelative(), format(seconds), seed);
        if (!errors.isEmpty()) {
            errors.forEach(problem -> out.println(problem.format()));
            String summary = errors.size() + (errors.size() == 1 ? " error" : " errors") + " in the models: nothing simulated (see the Problems view)";
            out.println("vinfra: " + summary);
            failed(configuration, file, summary + "; the first: " + errors.get(0).format());
            return null;
        }
        SimModel model = ModelToSimulation.map(models.modelsWithImports());
        StackSimulation simulation = new StackSimulation(model, SimulationOptions.defaults(seconds).withJitter(seed, 0));
        int[] done = { 0 };
        SimulationResult result = simulation.run(now -> {
            int reached = (int) Math.min(1000, 1000 * now / seconds);
            if (reached > done[0]) {
                progress.worked(reached - done[0]);
                progress.subTask(String.format(Locale.ROOT, "%.0f of %.0f s simulated", now, seconds));
                done[0] = reached;
            }
            if (progress.isCanceled()) {
                simulation.requestStop();
            }
        });
        for (SimulationResult.Event event : result.timeline()) {
            out.printf(Locale.ROOT, "%10.3f s  %-10s %-20s %s%n", event.time(), event.kind(), event.entity(), event.message());
        }
        for (SimulationResult.Problem problem : result.problems()) {
            out.printf(Locale.ROOT, "%s at %.3f s, %s %s: %s%n", problem.severity().name().toLowerCase(Locale.ROOT), problem.time(), problem.entity(),
                    problem.code(), problem.message());
        }
        out.printf(Locale.ROOT, "vinfra: %s at %.1f s of simulated time; %d events in %d ms; %d errors, %d warnings%n", result.run().outcome(),
                result.run().endedAt(), result.run().events(), result.run().wallMillis(), result.count(SimulationResult.Severity.ERROR),
                result.count(SimulationResult.Severity.WARNING));
        String html = HtmlReport.write(result, "vinfra simulation of " + file.getFullPath().makeRelative(), HtmlReport.capacities(model));
        inView(view -> view.show(configuration, file, result, html));
        SimulationListeners.simulated(file, result);
        return result;
    }

    private static void failed(ILaunchConfiguration configuration, IFile file, String reason) {
        inView(view -> view.failed(configuration, file, reason));
    }

    /** Opens the Simulation Results view (on the UI thread) and hands it something to show. */
    private static void inView(java.util.function.Consumer<SimulationResultsView> action) {
        Display display = PlatformUI.getWorkbench().getDisplay();
        display.asyncExec(() -> {
            try {
                SimulationResultsView view = (SimulationResultsView) PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage()
                        .showView(SimulationResultsView.ID);
                action.accept(view);
            } catch (PartInitException e) {
                VinfraUi.log("cannot open the Simulation Results view", e);
            }
        });
    }

    static IFile fileOf(ILaunchConfiguration configuration) throws CoreException {
        String path = configuration.getAttribute(SimulationLaunch.FILE, "");
        IFile file = path.isBlank() ? null : ResourcesPlugin.getWorkspace().getRoot().getFile(org.eclipse.core.runtime.IPath.fromOSString(path));
        if (file == null || !file.exists()) {
            throw new CoreException(VinfraUi.error("The launch configuration '" + configuration.getName() + "' names no existing .vinfra file ("
                    + (path.isBlank() ? "none given" : path) + "): choose one on its Simulation tab.", null));
        }
        return file;
    }

    static double durationOf(ILaunchConfiguration configuration) throws CoreException {
        String text = configuration.getAttribute(SimulationLaunch.DURATION, VinfraPreferences.get(VinfraPreferences.SIMULATION_DURATION));
        try {
            double seconds = Units.DURATION.parse(text) / 1000.0;
            if (seconds <= 0) {
                throw new IllegalArgumentException("a run lasts more than 0 s");
            }
            return seconds;
        } catch (IllegalArgumentException e) {
            throw new CoreException(VinfraUi.error("The duration '" + text + "' of '" + configuration.getName() + "' is not valid: " + e.getMessage()
                    + " (e.g. 90 s, 10 min).", null));
        }
    }

    private static String format(double seconds) {
        return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
    }

    private static MessageConsole console(String name) {
        var manager = ConsolePlugin.getDefault().getConsoleManager();
        for (IConsole existing : manager.getConsoles()) {
            if (existing.getName().equals(name) && existing instanceof MessageConsole message) {
                message.clearConsole();
                manager.showConsoleView(message);
                return message;
            }
        }
        MessageConsole console = new MessageConsole(name, null);
        manager.addConsoles(new IConsole[] { console });
        manager.showConsoleView(console);
        return console;
    }

}
