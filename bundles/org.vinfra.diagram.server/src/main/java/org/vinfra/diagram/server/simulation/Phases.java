package org.vinfra.diagram.server.simulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.vinfra.sim.results.SimulationResult;

/**
 * The states hosts, VMs and containers went through in a run, read from its timeline and problems:
 * {@code off} until started, {@code booting}, {@code up}, {@code down} (failed, stopped, killed, exited,
 * refused), {@code paused}.
 */
final class Phases {

    /** The kinds of entity whose phases are read. */
    enum Kind {
        HOST, VM, CONTAINER
    }

    private Phases() {
    }

    /** The state in effect at time t ({@code off} before the first phase). */
    static String stateAt(List<SimulationOverlay.Phase> phases, double t) {
        String state = "off";
        for (SimulationOverlay.Phase phase : phases) {
            if (phase.from() > t) {
                break;
            }
            state = phase.state();
        }
        return state;
    }

    /** The phases of every entity of a kind, by the name the run gives it. */
    static Map<String, List<SimulationOverlay.Phase>> of(SimulationResult result, Kind kind) {
        Map<String, List<SimulationOverlay.Phase>> phases = new HashMap<>();
        for (SimulationResult.Event event : result.timeline()) {
            String state = state(kind, event.kind());
            if (state != null) {
                phases.computeIfAbsent(event.entity(), e -> new ArrayList<>()).add(new SimulationOverlay.Phase(event.time(), state, event.message()));
            }
        }
        for (SimulationResult.Problem problem : result.problems()) {
            if (downs(kind, problem.code())) {
                List<SimulationOverlay.Phase> list = phases.computeIfAbsent(problem.entity(), e -> new ArrayList<>());
                list.add(new SimulationOverlay.Phase(problem.time(), "down", problem.message()));
            }
        }
        // problems come after the events of their instant: a stable sort by time keeps that order
        phases.values().forEach(list -> list.sort((a, b) -> Double.compare(a.from(), b.from())));
        return phases;
    }

    private static String state(Kind kind, String eventKind) {
        return switch (kind) {
            case HOST -> switch (eventKind) {
                case "power-on", "host-recover" -> "booting";
                case "host-up" -> "up";
                default -> null;
            };
            case VM -> switch (eventKind) {
                case "vm-up", "resume" -> "up";
                case "vm-down" -> "down";
                case "pause" -> "paused";
                default -> null;
            };
            case CONTAINER -> switch (eventKind) {
                case "container-up", "resume" -> "up";
                case "container-exit", "container-stop" -> "down";
                case "pause" -> "paused";
                default -> null;
            };
        };
    }

    /** Problems that take an entity down (the timeline says nothing else at that instant). */
    private static boolean downs(Kind kind, String code) {
        return switch (kind) {
            case HOST -> "sim.host-failed".equals(code);
            case VM -> "sim.placement-failed".equals(code) || "sim.admission-refused".equals(code);
            case CONTAINER -> "sim.oom-kill".equals(code);
        };
    }
}
