package io.deeppersona.core.serving;

import java.util.Arrays;
import java.util.List;

/**
 * Each item's most similar items by cosine similarity over customers (the binary customer x item matrix), used
 * to explain recommendations. Ties break by lower item index, so the lists are deterministic.
 */
final class CoPurchaseNeighbours {
    final int[][] neighbours;
    final float[][] similarities;

    private CoPurchaseNeighbours(int[][] neighbours, float[][] similarities) {
        this.neighbours = neighbours;
        this.similarities = similarities;
    }

    /**
     * Computes the lists.
     *
     * @param customerItems each customer's distinct item indices
     * @param limit how many neighbours to keep per item
     */
    static CoPurchaseNeighbours of(List<int[]> customerItems, int items, int limit) {
        int[] degree = new int[items];
        for (int[] row : customerItems) {
            for (int item : row) {
                degree[item]++;
            }
        }
        // Item -> customers, so one item's co-occurrences come from walking only its own customers' rows.
        int[] start = new int[items + 1];
        for (int item = 0; item < items; item++) {
            start[item + 1] = start[item] + degree[item];
        }
        int[] byItem = new int[start[items]];
        int[] fill = Arrays.copyOf(start, items);
        for (int customer = 0; customer < customerItems.size(); customer++) {
            for (int item : customerItems.get(customer)) {
                byItem[fill[item]++] = customer;
            }
        }
        int[][] neighbours = new int[items][];
        float[][] similarities = new float[items][];
        int[] together = new int[items];
        int[] touched = new int[items];
        for (int i = 0; i < items; i++) {
            int count = 0;
            for (int p = start[i]; p < start[i + 1]; p++) {
                for (int j : customerItems.get(byItem[p])) {
                    if (j != i && together[j]++ == 0) {
                        touched[count++] = j;
                    }
                }
            }
            long[] keyed = new long[count];
            for (int t = 0; t < count; t++) {
                int j = touched[t];
                float cosine = (float) (together[j] / Math.sqrt((double) degree[i] * degree[j]));
                // Sort key: similarity descending, then item ascending; floats >= 0 order like their bits.
                keyed[t] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits(cosine)) << 32) | j;
                together[j] = 0;
            }
            Arrays.sort(keyed);
            int kept = Math.min(limit, count);
            neighbours[i] = new int[kept];
            similarities[i] = new float[kept];
            for (int t = 0; t < kept; t++) {
                neighbours[i][t] = (int) keyed[t];
                similarities[i][t] = Float.intBitsToFloat(Integer.MAX_VALUE - (int) (keyed[t] >>> 32));
            }
        }
        return new CoPurchaseNeighbours(neighbours, similarities);
    }
}
