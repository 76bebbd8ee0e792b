package org.vinfra.sim.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The clock and the event loop. Entities never call each other across time: they schedule events,
 * and the loop runs them in time order. A run stops at its end time, when no event is left, when
 * {@link #requestStop()} is called (from another thread too, e.g. on Ctrl-C), or at the event limit.
 */
public final class Simulation {

    /** Why a run ended. */
    public enum Outcome {
        REACHED_END_TIME, NO_MORE_EVENTS, STOPPED
    }

    private final EventQueue queue = new EventQueue();
    private final List<EventHandler> handlers = new ArrayList<>();
    private EventHandler[] dispatch = new EventHandler[0];
    private double now;
    private long processed;
    private volatile boolean stopRequested;
    /**
     * The most events one run processes ({@value #EVENT_LIMIT_PROPERTY}, default 100,000,000: about 20 s of
     * simulation): a model whose events never thin out stops there, as if stopped by the user.
     */
    private final long eventLimit = Math.max(1, Long.getLong(EVENT_LIMIT_PROPERTY, 100_000_000L));

    /** The system property that raises (or lowers) the event limit of a run. */
    public static final String EVENT_LIMIT_PROPERTY = "vinfra.limit.events";

    /** Registers a kind of event and returns its number. */
    public int register(EventHandler handler) {
        handlers.add(handler);
        dispatch = handlers.toArray(EventHandler[]::new);
        return handlers.size() - 1;
    }

    public double now() {
        return now;
    }

    public long processedEvents() {
        return processed;
    }

    /** Whether the run stopped because it reached the event limit. */
    public boolean reachedEventLimit() {
        return processed >= eventLimit;
    }

    public long eventLimit() {
        return eventLimit;
    }

    public void schedule(double delay, int kind, int subject, long data) {
        if (delay < 0 || Double.isNaN(delay)) {
            throw new IllegalArgumentException("an event cannot be scheduled in the past (delay " + delay + ")");
        }
        queue.add(now + delay, kind, subject, data);
    }

    public void scheduleAt(double time, int kind, int subject, long data) {
        schedule(Math.max(0, time - now), kind, subject, data);
    }

    public void requestStop() {
        stopRequested = true;
    }

    /** Runs events up to and including {@code endTime}; the clock then stands at the end time (or where it stopped). */
    public Outcome run(double endTime) {
        EventQueue events = queue;
        while (!events.isEmpty()) {
            if (stopRequested || processed >= eventLimit) {
                return Outcome.STOPPED;
            }
            if (events.peekTime() > endTime) {
                now = endTime;
                return Outcome.REACHED_END_TIME;
            }
            events.poll();
            now = events.polledTime();
            processed++;
            dispatch[events.polledKind()].handle(events.polledSubject(), events.polledData());
        }
        now = Math.max(now, Math.min(endTime, now));
        return Outcome.NO_MORE_EVENTS;
    }
}
