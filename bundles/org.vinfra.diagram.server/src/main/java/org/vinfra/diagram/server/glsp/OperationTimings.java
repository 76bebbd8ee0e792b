package org.vinfra.diagram.server.glsp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** How long operations took from their arrival at the server to their text written to disk (for the benchmark). */
public final class OperationTimings {

    public record Timing(String kind, long nanos) {
    }

    private static final List<Timing> TIMINGS = new CopyOnWriteArrayList<>();

    private OperationTimings() {
    }

    static void record(String kind, long nanos) {
        if (TIMINGS.size() < 10_000) {
            TIMINGS.add(new Timing(kind, nanos));
        }
    }

    /** The timings since the last call, and forgets them. */
    public static List<Timing> take() {
        List<Timing> all = new ArrayList<>(TIMINGS);
        TIMINGS.clear();
        return all;
    }
}
