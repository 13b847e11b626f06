package io.deeppersona.core.models;

import io.deeppersona.api.Recommendation;
import java.util.ArrayList;
import java.util.List;

/**
 * A ranking by item index, best first: {@code scores[i]} belongs to {@code items[i]}. The arrays are owned by the
 * ranking (callers do not modify them), which is what saves the per-item objects on the serving path.
 */
public record RankedIndices(int[] items, double[] scores) {

    public RankedIndices {
        if (items.length != scores.length) {
            throw new IllegalArgumentException(items.length + " items with " + scores.length + " scores");
        }
    }

    /** The ranking of {@code top} by the score array they were selected from. */
    static RankedIndices of(int[] top, double[] allScores) {
        double[] scores = new double[top.length];
        for (int i = 0; i < top.length; i++) {
            scores[i] = allScores[top[i]];
        }
        return new RankedIndices(top, scores);
    }

    public int size() {
        return items.length;
    }

    /** The ranking with item ids from {@code itemIds}, as {@link io.deeppersona.spi.Model#recommend} returns it. */
    public List<Recommendation> toRecommendations(List<String> itemIds) {
        List<Recommendation> result = new ArrayList<>(items.length);
        for (int i = 0; i < items.length; i++) {
            result.add(new Recommendation(itemIds.get(items[i]), scores[i]));
        }
        return result;
    }
}
