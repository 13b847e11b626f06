package io.deeppersona.core.eventlog;

/**
 * Sorts row indices by (timestamp, canonical item rank, row) without boxing: a merge sort on {@code int[]} ranges.
 * Used once per customer when a log is built; most inputs are already in time order and pass the first check untouched.
 */
final class IntRowSorter {
    private final long[] time;
    private final int[] item;
    private final int[] itemRank;
    private int[] scratch = new int[16];

    IntRowSorter(long[] time, int[] item, int[] itemRank) {
        this.time = time;
        this.item = item;
        this.itemRank = itemRank;
    }

    void sort(int[] rows, int from, int to) {
        if (isSorted(rows, from, to)) {
            return;
        }
        if (scratch.length < to - from) {
            scratch = new int[Math.max(to - from, scratch.length * 2)];
        }
        mergeSort(rows, from, to);
    }

    private boolean isSorted(int[] rows, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (compare(rows[i - 1], rows[i]) > 0) {
                return false;
            }
        }
        return true;
    }

    private void mergeSort(int[] rows, int from, int to) {
        int length = to - from;
        if (length < 24) {
            for (int i = from + 1; i < to; i++) {
                int row = rows[i];
                int j = i - 1;
                while (j >= from && compare(rows[j], row) > 0) {
                    rows[j + 1] = rows[j];
                    j--;
                }
                rows[j + 1] = row;
            }
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(rows, from, middle);
        mergeSort(rows, middle, to);
        if (compare(rows[middle - 1], rows[middle]) <= 0) {
            return;
        }
        System.arraycopy(rows, from, scratch, 0, length);
        int left = 0;
        int leftEnd = middle - from;
        int right = leftEnd;
        for (int out = from; out < to; out++) {
            if (right >= length || (left < leftEnd && compare(scratch[left], scratch[right]) <= 0)) {
                rows[out] = scratch[left++];
            } else {
                rows[out] = scratch[right++];
            }
        }
    }

    private int compare(int a, int b) {
        int byTime = Long.compare(time[a], time[b]);
        if (byTime != 0) {
            return byTime;
        }
        int byItem = Integer.compare(itemRank[item[a]], itemRank[item[b]]);
        return byItem != 0 ? byItem : Integer.compare(a, b);
    }
}
