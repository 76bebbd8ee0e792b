package org.vinfra.diagram.server.simulation;

import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * A simulation run laid over one drawing of the topology diagram: what the client needs to colour
 * each host, VM and container by its load at any sampled time, to grey out what is down, and to mark
 * the problems the run found on the elements they concern. Built by {@link SimulationOverlays#map};
 * sent to the client as JSON in the diagram root's {@code simulation} argument
 * ({@link #ROOT_ARG}), so every drawing (and every tab, with its own expanded elements) carries the
 * overlay that fits its ids.
 *
 * <p>Times are seconds of simulated time. Loads are fractions: 0.5 is half the element's capacity;
 * above 1 means more is wanted than there is (a host swapping, a container past its memory limit).
 *
 * @param status   {@link Status#SIMULATING}, {@link Status#SHOWN}, {@link Status#STALE} or {@link Status#FAILED}
 * @param note     for the user: what is shown or why it is stale ("the text changed: simulating again"); may be empty
 * @param duration the simulated time asked for, in seconds
 * @param endedAt  where the run ended (less than duration when it was stopped), in seconds
 * @param seed     the run's seed
 * @param times    the sample times, ascending, in seconds (the slider's steps); every load array has one value per time
 * @param loads    by diagram element id: the load of each host, VM and container the run has figures for
 * @param phases   by diagram element id: what state it was in when (booting, up, down...), in time order
 * @param findings the problems the run found, each on the element it concerns (the diagram root when none is drawn)
 */
public record SimulationOverlay(String status, String note, double duration, double endedAt, long seed, double[] times,
        Map<String, Load> loads, Map<String, List<Phase>> phases, List<Finding> findings) {

    /** The root argument that carries the overlay, as JSON. */
    public static final String ROOT_ARG = "simulation";
    /** The CSS class of a node the overlay has figures for. */
    public static final String CSS_SIMULATED = "sim-loaded";

    /** The states of an overlay. */
    public static final class Status {
        /** A run is under way; the loads (if any) are those of the previous run. */
        public static final String SIMULATING = "simulating";
        /** The loads are those of the text shown. */
        public static final String SHOWN = "shown";
        /** The text changed since the run, and it is not simulated again (errors in the model, or an embedding decides). */
        public static final String STALE = "stale";
        /** The run could not be made (the model has errors); nothing is shown. */
        public static final String FAILED = "failed";

        private Status() {
        }
    }

    /**
     * The load of one element over time.
     *
     * @param cpu          CPU load per sample time: delivered CPU over capacity (a host's logical CPUs, recorded by the run;
     *                     a VM's vCPUs, a container's CPU quota, worked out by {@link DerivedLoads}); null when unknown
     * @param memory       memory load per sample time: working sets over capacity (host memory, VM memory, container
     *                     memory limit; {@link DerivedLoads}); null when unknown (a container without a limit)
     * @param cpuCapacity  what the CPU load is a fraction of, for the user ("8 logical CPUs", "2 vCPUs")
     * @param memoryCapacity what the memory load is a fraction of ("16 GiB", "limit 512 MiB")
     * @param replicas     for a collapsed replicated element, how many replicas it stands for (the load is the busiest
     *                     replica's at each time); 1 otherwise
     */
    public record Load(double[] cpu, double[] memory, String cpuCapacity, String memoryCapacity, int replicas) {
    }

    /**
     * A state an element was in from {@code from} (inclusive) until the next phase starts.
     *
     * @param state {@code off} (not started yet), {@code booting}, {@code up}, {@code down} (failed, stopped, killed,
     *              exited), {@code paused}
     * @param why   what the run said (the timeline's message)
     */
    public record Phase(double from, String state, String why) {
    }

    /**
     * A problem the run found.
     *
     * @param elementId the diagram id of the element it concerns (of the element that runs a workload, for a workload's
     *                  problem; the root {@code topology} when that element is not drawn)
     * @param entity    the entity the run named (a VM replica {@code web3}, a workload {@code serve1}, a NIC {@code lab.eth0})
     * @param code      the simulator's code ({@code sim.oom-kill}, ...; docs/simulation.md)
     * @param severity  {@code error}, {@code warning} or {@code info}
     * @param time      when it happened, in seconds
     * @param message   what happened, why, and how to fix it, as the simulator says it
     */
    public record Finding(String elementId, String entity, String code, String severity, double time, String message) {
    }

    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

    /** This overlay as the JSON the client reads (NaN never occurs in loads; special values are kept for safety). */
    public String toJson() {
        return GSON.toJson(this);
    }

    /** Reads {@link #toJson()} back (for tests and embeddings). */
    public static SimulationOverlay fromJson(String json) {
        return GSON.fromJson(json, SimulationOverlay.class);
    }
}
