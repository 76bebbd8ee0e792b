package org.vinfra.sim.core;

import java.util.Arrays;

/**
 * Events ordered by time, then by the order they were scheduled (so equal times are deterministic):
 * a binary min-heap, and beside it a first-in first-out ring for the events scheduled for the
 * instant being run (a recomputation after a change, a start "now"), which are most events of a
 * large run and need no sifting: they come out in the order they went in, and before any later
 * event. Events are kept in parallel primitive arrays: no object per event.
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

    // the ring of events for the instant of the last polled event
    private double[] nowTimes = new double[1024];
    private long[] nowSequence = new long[1024];
    private int[] nowKinds = new int[1024];
    private int[] nowSubjects = new int[1024];
    private long[] nowData = new long[1024];
    private int nowHead;
    private int nowSize;

    public void add(double time, int kind, int subject, long payload) {
        if (time == polledTime) {
            addNow(time, kind, subject, payload);
            return;
        }
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

    /** Events for the instant being run keep their order in a ring: they are all due before anything else. */
    private void addNow(double time, int kind, int subject, long payload) {
        if (nowSize == nowTimes.length) {
            int capacity = nowSize * 2;
            nowTimes = unwrap(nowTimes, capacity);
            nowSequence = unwrap(nowSequence, capacity);
            nowKinds = unwrap(nowKinds, capacity);
            nowSubjects = unwrap(nowSubjects, capacity);
            nowData = unwrap(nowData, capacity);
            nowHead = 0;
        }
        int i = (nowHead + nowSize++) & (nowTimes.length - 1);
        nowTimes[i] = time;
        nowSequence[i] = nextSequence++;
        nowKinds[i] = kind;
        nowSubjects[i] = subject;
        nowData[i] = payload;
    }

    private double[] unwrap(double[] ring, int capacity) {
        double[] bigger = new double[capacity];
        for (int k = 0; k < nowSize; k++) {
            bigger[k] = ring[(nowHead + k) & (ring.length - 1)];
        }
        return bigger;
    }

    private long[] unwrap(long[] ring, int capacity) {
        long[] bigger = new long[capacity];
        for (int k = 0; k < nowSize; k++) {
            bigger[k] = ring[(nowHead + k) & (ring.length - 1)];
        }
        return bigger;
    }

    private int[] unwrap(int[] ring, int capacity) {
        int[] bigger = new int[capacity];
        for (int k = 0; k < nowSize; k++) {
            bigger[k] = ring[(nowHead + k) & (ring.length - 1)];
        }
        return bigger;
    }

    public boolean isEmpty() {
        return size == 0 && nowSize == 0;
    }

    public double peekTime() {
        if (nowSize == 0) {
            return times[0];
        }
        return size == 0 ? nowTimes[nowHead] : Math.min(times[0], nowTimes[nowHead]);
    }

    /** Takes the earliest event; read it with the polled* accessors. */
    public void poll() {
        if (nowSize > 0 && (size == 0 || before(nowTimes[nowHead], nowSequence[nowHead], times[0], sequence[0]))) {
            polledTime = nowTimes[nowHead];
            polledKind = nowKinds[nowHead];
            polledSubject = nowSubjects[nowHead];
            polledData = nowData[nowHead];
            nowHead = (nowHead + 1) & (nowTimes.length - 1);
            nowSize--;
            return;
        }
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
