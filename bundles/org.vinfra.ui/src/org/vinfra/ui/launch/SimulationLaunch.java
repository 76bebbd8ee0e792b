package org.vinfra.ui.launch;

/** The attributes of a "vinfra Simulation" launch configuration. */
public final class SimulationLaunch {

    public static final String TYPE = "org.vinfra.ui.simulation";
    /** The .vinfra file to simulate (workspace path, e.g. /labs/simulation-lab.vinfra); the files it imports come along. */
    public static final String FILE = "org.vinfra.ui.simulation.file";
    /** Simulated time, e.g. "10 min". */
    public static final String DURATION = "org.vinfra.ui.simulation.duration";
    public static final String SEED = "org.vinfra.ui.simulation.seed";

    private SimulationLaunch() {
    }
}
