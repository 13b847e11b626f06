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
    void anEmptyOrFullyExcludedCatalogueGivesNothing() {
        BitSet all = new BitSet();
        all.set(0, 3);
        assertThat(TopIndices.select(new double[0], new BitSet(), 5)).isEmpty();
        assertThat(TopIndices.select(new double[] {1, 2, 3}, all, 5)).isEmpty();
    }
}
