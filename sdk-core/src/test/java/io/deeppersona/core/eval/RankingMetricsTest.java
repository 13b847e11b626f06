package io.deeppersona.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {
    private static BitSet targets(int... items) {
        BitSet set = new BitSet();
        for (int item : items) {
            set.set(item);
        }
        return set;
    }

    @Test
    void computesEveryMetricOfOneList() {
        // Hits at ranks 2 and 5; three targets, so the ideal list has three hits (K = 5).
        double[] m = RankingMetrics.of(new int[] {5, 1, 7, -1, 2}, targets(1, 2, 9), 3, 5);
        double dcg = 1 / (Math.log(3) / Math.log(2)) + 1 / (Math.log(6) / Math.log(2));   // 0.630930 + 0.386853
        double idcg = 1 + 1 / (Math.log(3) / Math.log(2)) + 0.5;                          // 2.130930
        assertThat(m[RankingMetrics.HR]).isEqualTo(1.0);
        assertThat(m[RankingMetrics.RECALL]).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m[RankingMetrics.NDCG]).isCloseTo(dcg / idcg, within(1e-12)).isCloseTo(0.477623, within(1e-6));
        assertThat(m[RankingMetrics.MRR]).isEqualTo(0.5);
        assertThat(m[RankingMetrics.MAP]).isCloseTo((1.0 / 2 + 2.0 / 5) / 3, within(1e-12));
        assertThat(m[RankingMetrics.PRECISION]).isEqualTo(0.4);
    }

    @Test
    void capsTheIdealAtK() {
        // 4 targets, K = 2: a list of two hits is perfect.
        double[] m = RankingMetrics.of(new int[] {3, 4}, targets(1, 2, 3, 4), 4, 2);
        assertThat(m[RankingMetrics.RECALL]).isEqualTo(1.0);
        assertThat(m[RankingMetrics.NDCG]).isCloseTo(1.0, within(1e-12));
        assertThat(m[RankingMetrics.MAP]).isEqualTo(1.0);
    }

    @Test
    void aShortListStillDividesPrecisionByK() {
        double[] m = RankingMetrics.of(new int[] {1}, targets(1), 1, 10);
        assertThat(m[RankingMetrics.PRECISION]).isEqualTo(0.1);
        assertThat(m[RankingMetrics.NDCG]).isEqualTo(1.0);
    }

    @Test
    void repeatsAndItemsBeyondKDoNotCount() {
        double[] m = RankingMetrics.of(new int[] {1, 1, 0, 2}, targets(1, 2), 2, 3);
        assertThat(m[RankingMetrics.PRECISION]).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(m[RankingMetrics.RECALL]).isEqualTo(0.5);
    }

    @Test
    void aMissScoresZero() {
        double[] m = RankingMetrics.of(new int[] {4, 5}, targets(1), 1, 2);
        assertThat(m).containsOnly(0.0);
    }
}
