package org.vinfra.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.vinfra.diagram.server.DiagramServer;
import org.vinfra.diagram.server.simulation.LiveSimulation;
import org.vinfra.diagram.server.simulation.SimulatedTime;
import org.vinfra.sim.engine.SimulationOptions;
import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.lang.workspace.Problem;

/**
 * {@code vinfra diagram FILE...} without {@code --svg}: serves the live diagram editor on 127.0.0.1
 * and prints its URL (with the access token) as the one line of standard output; follows the files
 * on disk and writes each diagram operation into them atomically; with {@code --simulate}, simulates the
 * models and shows the run over the diagram, again after each change ({@link LiveSimulation}); stops on Ctrl+C (the shutdown hook
 * closes the server; the exit status is then the JVM's for SIGINT, 130, as for any program stopped so).
 */
final class DiagramServing {

    private DiagramServing() {
    }

    /**
     * @param simulation how to simulate the models for the overlay (re-run on every change), or null for none
     */
    static int serve(List<Path> files, int port, SimulationOptions simulation, PrintWriter out, PrintWriter err) {
        if (port < 0 || port > 65535) {
            throw new UserError("--port " + port + ": a port is 0 (any free port) to 65535", VinfraCli.USAGE_OR_IO);
        }
        DiagramServer server;
        try {
            server = DiagramServer.start(Language.injector(), files, port);
        } catch (ModelSet.UnreadableFileException e) {
            throw new UserError(e.getMessage(), VinfraCli.USAGE_OR_IO);
        } catch (IOException e) {
            throw new UserError("cannot serve the diagram: " + e.getMessage(), VinfraCli.USAGE_OR_IO);
        }
        AtomicReference<LiveSimulation> live = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            if (live.get() != null) {
                live.get().close();
            }
            server.close();
            err.println("vinfra diagram: stopped");
            err.flush();
            stopped.countDown();
        }, "vinfra diagram shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        List<Problem> problems;
        try {
            problems = server.workspace().snapshot().problems();
        } catch (ModelSet.UnreadableFileException e) {
            throw new UserError(e.getMessage(), VinfraCli.USAGE_OR_IO);
        }
        out.println(server.url());
        out.flush();
        for (Problem problem : problems) {
            err.println(problem.format());
        }
        long errors = problems.stream().filter(Problem::isError).count();
        err.println("vinfra diagram: serving " + (files.size() == 1 ? files.get(0) : files.size() + " files") + " on 127.0.0.1:" + server.port()
                + (problems.isEmpty() ? "" : " (" + errors + (errors == 1 ? " error, " : " errors, ") + (problems.size() - errors)
                        + (problems.size() - errors == 1 ? " warning" : " warnings") + ", shown as markers)")
                + (simulation == null ? "" : "; with the simulation of " + SimulatedTime.of(simulation.duration()) + " over it")
                + "; open the URL above; Ctrl+C stops");
        err.flush();
        if (simulation != null) {
            live.set(LiveSimulation.start(server.workspace(), server.simulation(), simulation, line -> {
                synchronized (err) {
                    err.println("vinfra diagram: " + line);
                    err.flush();
                }
            }));
        }
        Logging.takeInternalErrors();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return VinfraCli.OK;
    }
}
