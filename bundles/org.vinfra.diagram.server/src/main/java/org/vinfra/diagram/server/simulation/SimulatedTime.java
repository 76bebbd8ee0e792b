package org.vinfra.diagram.server.simulation;

import java.util.Locale;

/** Simulated time as the user reads it: 45 s, 1 min 30 s, 8 min, 2 h (the client formats the slider's time alike). */
public final class SimulatedTime {

    private SimulatedTime() {
    }

    /** 480 s as "8 min", 90 s as "1 min 30 s", 45 s as "45 s", 2.5 s as "2.5 s", 7200 s as "2 h". */
    public static String of(double seconds) {
        if (seconds < 60) {
            return seconds == Math.rint(seconds) ? String.format(Locale.ROOT, "%.0f s", seconds) : String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long whole = Math.round(seconds);
        long minutes = whole / 60;
        long rest = whole % 60;
        if (rest == 0 && minutes % 60 == 0) {
            return minutes / 60 + " h";
        }
        return rest == 0 ? minutes + " min" : minutes + " min " + rest + " s";
    }
}
