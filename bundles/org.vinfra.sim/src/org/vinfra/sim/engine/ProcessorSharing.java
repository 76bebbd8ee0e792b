package org.vinfra.sim.engine;

import java.util.Arrays;

/**
 * Processor sharing of the workloads of each runner (a VM or a container) in O(log n) per change.
 * All running workloads of a runner progress at {@code weight x factor} (million instructions per
 * second): the weight is the workload's own (its threads, times a spike), the factor the runner's
 * (its CPU share, the host's speed, the efficiency left by the hypervisor and by swapping), and the
 * factor changes only at events. So each runner keeps a <em>virtual time</em> V: the instructions
 * done per unit of weight, which advances at the factor. A workload tagged at virtual time V0 with
 * R0 instructions left has {@code R0 - weight x (V - V0)} left at V, and finishes at the virtual time
 * {@code F = V0 + R0 / weight}, its finish tag: this is the virtual time of generalized processor
 * sharing that fair queueing uses (Demers, Keshav and Shenker, SIGCOMM 1989; Parekh and Gallager,
 * 1993). Finish tags sit in one min-heap per runner, so the next workload to finish is its top, and
 * a change of the factor costs nothing per workload.
 */
final class ProcessorSharing {

    // per runner
    private final double[] virtual;
    private final double[] factor;
    private final double[] settledAt;
    private final double[] weight;
    private final int[] running;
    private final int[][] heap;
    // per workload
    private final int[] runnerOf;
    private final double[] tag;
    private final double[] taggedAt;
    private final double[] remainingAtTag;
    private final double[] weightOf;
    private final int[] heapIndex;

    ProcessorSharing(int runners, int workloads) {
        virtual = new double[runners];
        factor = new double[runners];
        settledAt = new double[runners];
        weight = new double[runners];
        running = new int[runners];
        heap = new int[runners][];
        runnerOf = new int[workloads];
        tag = new double[workloads];
        taggedAt = new double[workloads];
        remainingAtTag = new double[workloads];
        weightOf = new double[workloads];
        heapIndex = new int[workloads];
        Arrays.fill(heapIndex, -1);
    }

    /** Brings the runner's virtual time up to {@code now} (seconds) at its current factor. */
    void advance(int r, double now) {
        double dt = now - settledAt[r];
        if (dt > 0 && running[r] > 0) {
            virtual[r] += factor[r] * dt;
        }
        settledAt[r] = now;
    }

    /** Sets the runner's factor from now on (advance it to now first): MI/s per unit of weight. */
    void setFactor(int r, double newFactor) {
        factor[r] = newFactor;
    }

    /** Workload {@code w} starts on runner {@code r} with {@code work} MI to do at {@code workloadWeight}. */
    void start(int r, int w, double work, double workloadWeight) {
        runnerOf[w] = r;
        weightOf[w] = workloadWeight;
        tag(w, work);
        running[r]++;
        weight[r] += workloadWeight;
        push(r, w);
    }

    /** Takes a running workload off its runner (finished or aborted); its runner must be advanced to now. */
    void remove(int w) {
        int r = runnerOf[w];
        removeAt(r, heapIndex[w]);
        if (--running[r] == 0) {
            weight[r] = 0;
        } else {
            weight[r] -= weightOf[w];
        }
    }

    /** A running workload's weight changes (a spike begins or ends); its runner must be advanced to now. */
    void reweigh(int w, double newWeight) {
        int r = runnerOf[w];
        double left = remaining(w);
        weight[r] += newWeight - weightOf[w];
        weightOf[w] = newWeight;
        removeAt(r, heapIndex[w]);
        tag(w, left);
        push(r, w);
    }

    /** MI a running workload has left, as of its runner's last advance (slightly negative once it is due). */
    double remaining(int w) {
        return remainingAtTag[w] - weightOf[w] * (virtual[runnerOf[w]] - taggedAt[w]);
    }

    /** MI/s a running workload progresses at. */
    double rate(int w) {
        return weightOf[w] * factor[runnerOf[w]];
    }

    /** The sum of the weights of the runner's running workloads. */
    double weight(int r) {
        return weight[r];
    }

    /** The running workload with the smallest finish tag, or -1. */
    int next(int r) {
        return running[r] == 0 ? -1 : heap[r][0];
    }

    /** Seconds until the runner's next workload finishes at the current factor; +infinity when none progresses. */
    double nextFinishDelay(int r) {
        if (running[r] == 0 || factor[r] <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        int w = heap[r][0];
        return remaining(w) / rate(w);
    }

    private void tag(int w, double left) {
        int r = runnerOf[w];
        taggedAt[w] = virtual[r];
        remainingAtTag[w] = left;
        tag[w] = virtual[r] + left / weightOf[w];
    }

    // ------------------------------------------------------------------ the heap of one runner, keyed by (tag, workload)

    private boolean before(int a, int b) {
        return tag[a] < tag[b] || tag[a] == tag[b] && a < b;
    }

    private void push(int r, int w) {
        int[] items = heap[r];
        int size = running[r] - 1;
        if (items == null) {
            items = heap[r] = new int[4];
        } else if (size == items.length) {
            items = heap[r] = Arrays.copyOf(items, size * 2);
        }
        items[size] = w;
        heapIndex[w] = size;
        up(items, size);
    }

    /** Removes the item at {@code i} of a heap whose size is still {@code running[r]} (before the count is lowered). */
    private void removeAt(int r, int i) {
        int[] items = heap[r];
        int last = running[r] - 1;
        int w = items[i];
        heapIndex[w] = -1;
        if (i != last) {
            int moved = items[last];
            items[i] = moved;
            heapIndex[moved] = i;
            if (!up(items, i)) {
                down(items, i, last);
            }
        }
        if (last == 0 && items.length > 64) {
            heap[r] = null;
        }
    }

    /** Sifts up; true when the item moved. */
    private boolean up(int[] items, int i) {
        int w = items[i];
        int start = i;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(w, items[parent])) {
                break;
            }
            items[i] = items[parent];
            heapIndex[items[i]] = i;
            i = parent;
        }
        items[i] = w;
        heapIndex[w] = i;
        return i != start;
    }

    private void down(int[] items, int i, int size) {
        int w = items[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && before(items[right], items[child])) {
                child = right;
            }
            if (!before(items[child], w)) {
                break;
            }
            items[i] = items[child];
            heapIndex[items[i]] = i;
            i = child;
        }
        items[i] = w;
        heapIndex[w] = i;
    }
}
