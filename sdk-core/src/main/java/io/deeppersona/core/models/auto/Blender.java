package io.deeppersona.core.models.auto;

import io.deeppersona.core.internal.TopIndices;
import io.deeppersona.core.models.RankedIndices;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Merges the ranked lists of several components into one: each list's scores are normalised per query, multiplied
 * by the component's weight, and summed per item; an item missing from a list gets 0 from it. Equal sums keep the
 * order in which items first appear (the first component's list first), so the result is deterministic.
 *
 * <p>Items are indices into one item space shared by the lists, so a request sums into an array instead of a map.
 */
final class Blender {
    private Blender() {
    }

    /**
     * @param items per component, its ranked items, best first (indices below {@code itemSpace})
     * @param scores per component, the scores of those items
     * @param depth how many items each component was asked for (rank normalisation divides by it)
     */
    static RankedIndices blend(int[][] items, double[][] scores, double[] weights, Normalisation normalisation,
            int depth, int limit, int itemSpace) {
        if (items.length != weights.length || scores.length != weights.length) {
            throw new IllegalArgumentException(items.length + " lists for " + weights.length + " weights");
        }
        int total = 0;
        for (int[] ranked : items) {
            total += ranked.length;
        }
        double[] sums = new double[itemSpace];
        int[] firstSeen = new int[itemSpace];
        Arrays.fill(firstSeen, -1);
        int[] seen = new int[total];
        int count = 0;
        for (int component = 0; component < items.length; component++) {
            if (weights[component] == 0) {
                continue;
            }
            double[] normalised = normalisation.apply(scores[component], depth);
            for (int rank = 0; rank < normalised.length; rank++) {
                int item = items[component][rank];
                if (firstSeen[item] < 0) {
                    firstSeen[item] = count;
                    seen[count++] = item;
                }
                sums[item] += weights[component] * normalised[rank];
            }
        }
        // Selecting over positions of first appearance makes "lower index first" on ties mean "seen first".
        double[] bySeen = new double[count];
        for (int position = 0; position < count; position++) {
            bySeen[position] = sums[seen[position]];
        }
        int[] best = TopIndices.select(bySeen, new BitSet(), limit);
        int[] ranked = new int[best.length];
        double[] blended = new double[best.length];
        for (int i = 0; i < best.length; i++) {
            ranked[i] = seen[best[i]];
            blended[i] = bySeen[best[i]];
        }
        return new RankedIndices(ranked, blended);
    }
}
