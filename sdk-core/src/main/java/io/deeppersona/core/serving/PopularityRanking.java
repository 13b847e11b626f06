package io.deeppersona.core.serving;

import java.util.Comparator;
import java.util.stream.IntStream;

/** Ranks items by a count: higher first, ties by lower item index; items with a zero count are left out. */
final class PopularityRanking {
    private PopularityRanking() {
    }

    static int[] top(int[] counts, int limit) {
        return IntStream.range(0, counts.length).filter(item -> counts[item] > 0).boxed()
                .sorted(Comparator.<Integer>comparingInt(item -> -counts[item]).thenComparingInt(item -> item))
                .limit(limit).mapToInt(Integer::intValue).toArray();
    }
}
