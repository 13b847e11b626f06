package io.deeppersona.core.models;

import io.deeppersona.api.Recommendation;
import io.deeppersona.core.internal.TopIndices;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Selects the best-scored items: higher score first, equal scores by lower item index. */
final class TopItems {
    private TopItems() {
    }

    static List<Recommendation> select(double[] scores, BitSet excluded, int limit, String[] itemIds) {
        int[] ranked = TopIndices.select(scores, excluded, limit);
        List<Recommendation> result = new ArrayList<>(ranked.length);
        for (int item : ranked) {
            result.add(new Recommendation(itemIds[item], scores[item]));
        }
        return result;
    }
}
