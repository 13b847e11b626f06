package io.deeppersona.core.eval;

import java.util.BitSet;

/**
 * Per-customer ranking metrics at a cut-off K with binary relevance; {@code docs/evaluation.md} gives the exact
 * definitions. A ranked entry of {@code -1} (an item outside the catalogue) or a repeat of an earlier entry is a
 * miss that still takes its rank.
 */
final class RankingMetrics {
    static final int HR = 0;
    static final int RECALL = 1;
    static final int NDCG = 2;
    static final int MRR = 3;
    static final int MAP = 4;
    static final int PRECISION = 5;
    static final int COUNT = 6;
    static final String[] NAMES = {"hr", "recall", "ndcg", "mrr", "map", "precision"};

    private RankingMetrics() {
    }

    /**
     * Returns hr, recall, ndcg, mrr, map and precision (indexed by the constants) of one ranked list.
     *
     * @param ranked item indices, best first; only the first {@code k} count
     * @param targets the relevant item indices, not empty
     * @param targetCount the number of set bits of {@code targets}
     */
    static double[] of(int[] ranked, BitSet targets, int targetCount, int k) {
        if (targetCount < 1) {
            throw new IllegalArgumentException("a customer needs at least one target, got " + targetCount);
        }
        int ideal = Math.min(targetCount, k);
        BitSet counted = new BitSet();
        int hits = 0;
        double dcg = 0;
        double reciprocalRank = 0;
        double precisionSum = 0;
        for (int position = 0; position < Math.min(k, ranked.length); position++) {
            int item = ranked[position];
            if (item < 0 || !targets.get(item) || counted.get(item)) {
                continue;
            }
            counted.set(item);
            hits++;
            int rank = position + 1;
            dcg += 1 / log2(rank + 1);
            if (reciprocalRank == 0) {
                reciprocalRank = 1.0 / rank;
            }
            precisionSum += (double) hits / rank;
        }
        double idealDcg = 0;
        for (int rank = 1; rank <= ideal; rank++) {
            idealDcg += 1 / log2(rank + 1);
        }
        double[] metrics = new double[COUNT];
        metrics[HR] = hits > 0 ? 1 : 0;
        metrics[RECALL] = (double) hits / ideal;
        metrics[NDCG] = dcg / idealDcg;
        metrics[MRR] = reciprocalRank;
        metrics[MAP] = precisionSum / ideal;
        metrics[PRECISION] = (double) hits / k;
        return metrics;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
