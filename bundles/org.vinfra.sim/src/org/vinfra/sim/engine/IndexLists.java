package org.vinfra.sim.engine;

/**
 * Lists of indices grouped by owner (the VMs of each host, the workloads of each VM...), packed in
 * two int arrays (compressed sparse rows): no boxed integers, no list object per owner. Within an
 * owner, items keep the order they were given in.
 */
final class IndexLists {

    private final int[] start;
    private final int[] items;

    private IndexLists(int[] start, int[] items) {
        this.start = start;
        this.items = items;
    }

    /** Groups {@code item[i]} under {@code owner[i]} (-1: under none) for the first {@code count} pairs. */
    static IndexLists group(int owners, int[] owner, int[] item, int count) {
        int[] start = new int[owners + 1];
        for (int i = 0; i < count; i++) {
            if (owner[i] >= 0) {
                start[owner[i] + 1]++;
            }
        }
        for (int o = 0; o < owners; o++) {
            start[o + 1] += start[o];
        }
        int[] next = java.util.Arrays.copyOf(start, owners);
        int[] items = new int[start[owners]];
        for (int i = 0; i < count; i++) {
            if (owner[i] >= 0) {
                items[next[owner[i]]++] = item[i];
            }
        }
        return new IndexLists(start, items);
    }

    /** Groups each index {@code i} under {@code owner[i]} (-1: under none). */
    static IndexLists byOwner(int owners, int[] owner) {
        int[] identity = new int[owner.length];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = i;
        }
        return group(owners, owner, identity, owner.length);
    }

    /** Where the items of {@code owner} begin in {@link #item(int)}. */
    int start(int owner) {
        return start[owner];
    }

    /** Where they end (exclusive). */
    int end(int owner) {
        return start[owner + 1];
    }

    int item(int position) {
        return items[position];
    }

    int size(int owner) {
        return start[owner + 1] - start[owner];
    }

    boolean isEmpty(int owner) {
        return start[owner + 1] == start[owner];
    }
}
