package org.vinfra.sim.core;

import java.util.Arrays;

/**
 * A binary min-heap of events ordered by time, then by the order they were scheduled (so equal
 * times are deterministic). Events are kept in parallel primitive arrays: no object per event.
 */
public final class EventQueue {

    private double[] times = new double[1024];
    private long[] sequence = new long[1024];
    private int[] kinds = new int[1024];
    private int[] subjects = new int[1024];
    private long[] data = new long[1024];
    private int size;
    private long nextSequence;

    // the event last taken by poll()
    private double polledTime;
    private int polledKind;
    private int polledSubject;
    private long polledData;

    public void add(double time, int kind, int subject, long payload) {
        if (size == times.length) {
            int capacity = size * 2;
            times = Arrays.copyOf(times, capacity);
            sequence = Arrays.copyOf(sequence, capacity);
            kinds = Arrays.copyOf(kinds, capacity);
            subjects = Arrays.copyOf(subjects, capacity);
            data = Arrays.copyOf(data, capacity);
        }
        long order = nextSequence++;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(time, order, times[parent], sequence[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, time, order, kind, subject, payload);
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public double peekTime() {
        return times[0];
    }

    /** Takes the earliest event; read it with the polled* accessors. */
    public void poll() {
        polledTime = times[0];
        polledKind = kinds[0];
        polledSubject = subjects[0];
        polledData = data[0];
        int last = --size;
        if (last == 0) {
            return;
        }
        double time = times[last];
        long order = sequence[last];
        int kind = kinds[last];
        int subject = subjects[last];
        long payload = data[last];
        int i = 0;
        int half = last >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < last && before(times[right], sequence[right], times[child], sequence[child])) {
                child = right;
            }
            if (!before(times[child], sequence[child], time, order)) {
                break;
            }
            move(child, i);
            i = child;
        }
        set(i, time, order, kind, subject, payload);
    }

    public double polledTime() {
        return polledTime;
    }

    public int polledKind() {
        return polledKind;
    }

    public int polledSubject() {
        return polledSubject;
    }

    public long polledData() {
        return polledData;
    }

    private static boolean before(double time, long order, double otherTime, long otherOrder) {
        return time < otherTime || time == otherTime && order < otherOrder;
    }

    private void move(int from, int to) {
        times[to] = times[from];
        sequence[to] = sequence[from];
        kinds[to] = kinds[from];
        subjects[to] = subjects[from];
        data[to] = data[from];
    }

    private void set(int i, double time, long order, int kind, int subject, long payload) {
        times[i] = time;
        sequence[i] = order;
        kinds[i] = kind;
        subjects[i] = subject;
        data[i] = payload;
    }
}
