package io.deeppersona.core.eventlog;

/** Computes the order of rows by customer (missing last), then time, then a canonical item order. */
final class RowOrder {
    private RowOrder() {
    }

    /**
     * Returns row indices in sorted order: a counting sort by customer, then a merge sort by time and canonical
     * item rank within each customer. Linear in rows plus the per-customer sorts, with no boxing.
     */
    static int[] sortedRows(int[] customer, int customerCount, long[] time, int[] item, int[] itemRank) {
        int n = customer.length;
        // Bucket customerCount holds the rows without a customer, so they land after everyone else.
        int[] start = new int[customerCount + 2];
        for (int row = 0; row < n; row++) {
            start[bucket(customer[row], customerCount) + 1]++;
        }
        for (int b = 0; b <= customerCount; b++) {
            start[b + 1] += start[b];
        }
        int[] next = java.util.Arrays.copyOf(start, customerCount + 1);
        int[] rows = new int[n];
        for (int row = 0; row < n; row++) {
            rows[next[bucket(customer[row], customerCount)]++] = row;
        }
        IntRowSorter sorter = new IntRowSorter(time, item, itemRank);
        for (int b = 0; b <= customerCount; b++) {
            sorter.sort(rows, start[b], start[b + 1]);
        }
        return rows;
    }

    private static int bucket(int customer, int customerCount) {
        return customer == ColumnarEventLog.MISSING ? customerCount : customer;
    }
}
