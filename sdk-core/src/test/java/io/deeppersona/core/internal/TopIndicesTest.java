package io.deeppersona.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopIndicesTest {
    @Test
    void equalsAFullSortByScoreThenIndexForEveryLimit() {
        Random random = new Random(5);
        for (int round = 0; round < 300; round++) {
            int n = random.nextInt(60);
            double[] scores = new double[n];
            for (int i = 0; i < n; i++) {
                // Few distinct values, so ties are common.
                scores[i] = random.nextInt(8) - 2;
            }
            BitSet excluded = new BitSet();
            for (int i = 0; i < n; i++) {
                if (random.nextInt(4) == 0) {
                    excluded.set(i);
                }
            }
            int limit = 1 + random.nextInt(70);
            int[] expected = IntStream.range(0, n).filter(i -> !excluded.get(i)).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparing(i -> i))
                    .limit(limit).mapToInt(Integer::intValue).toArray();

            assertThat(TopIndices.select(scores, excluded, limit)).as("round %d", round).containsExactly(expected);
        }
    }

    @Test
    void largeLimitsOverLargeCataloguesEqualAFullSortToo() {
        // Serving-sized: a few hundred best of a few thousand, many equal scores or scores rising with the index.
        Random random = new Random(9);
        for (int round = 0; round < 100; round++) {
            int n = 200 + random.nextInt(2000);
            double[] scores = new double[n];
            int distinct = 1 + random.nextInt(round % 2 == 0 ? 5 : 100_000);
            for (int i = 0; i < n; i++) {
                scores[i] = random.nextInt(distinct) + (round % 3 == 0 ? i * 1e-3 : 0);
            }
            BitSet excluded = new BitSet();
            for (int i = 0; i < n; i++) {
                if (random.nextInt(3) == 0) {
                    excluded.set(i);
                }
            }
            int limit = 33 + random.nextInt(n / 4 - 33);
            int[] expected = IntStream.range(0, n).filter(i -> !excluded.get(i)).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparing(i -> i))
                    .limit(limit).mapToInt(Integer::intValue).toArray();

            assertThat(TopIndices.select(scores, excluded, limit)).as("round %d", round).containsExactly(expected);
        }
    }

    @Test
    void aNaNScoreNeverBeatsANumber() {
        double[] scores = new double[400];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = i % 7;
        }
        scores[3] = Double.NaN;

        assertThat(TopIndices.select(scores, new BitSet(), 40)).doesNotContain(3).hasSize(40);
    }

    @Test
    void anEmptyOrFullyExcludedCatalogueGivesNothing() {
        BitSet all = new BitSet();
        all.set(0, 3);
        assertThat(TopIndices.select(new double[0], new BitSet(), 5)).isEmpty();
        assertThat(TopIndices.select(new double[] {1, 2, 3}, all, 5)).isEmpty();
    }
}
