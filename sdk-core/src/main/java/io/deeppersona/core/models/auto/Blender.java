package io.deeppersona.core.models.auto;

import io.deeppersona.api.Recommendation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the ranked lists of several components into one: each list's scores are normalised per query, multiplied
 * by the component's weight, and summed per item; an item missing from a list gets 0 from it. Equal sums keep the
 * order in which items first appear (the first component's list first), so the result is deterministic.
 */
final class Blender {
    private Blender() {
    }

    static List<Recommendation> blend(List<List<Recommendation>> lists, double[] weights, Normalisation normalisation,
            int depth, int limit) {
        if (lists.size() != weights.length) {
            throw new IllegalArgumentException(lists.size() + " lists for " + weights.length + " weights");
        }
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (int component = 0; component < lists.size(); component++) {
            if (weights[component] == 0) {
                continue;
            }
            List<Recommendation> ranked = lists.get(component);
            double[] normalised = normalisation.apply(ranked, depth);
            for (int rank = 0; rank < normalised.length; rank++) {
                sums.computeIfAbsent(ranked.get(rank).itemId(), item -> new double[1])[0] +=
                        weights[component] * normalised[rank];
            }
        }
        List<Map.Entry<String, double[]>> entries = new ArrayList<>(sums.entrySet());
        // List.sort is stable: equal sums stay in first-appearance order.
        entries.sort(Comparator.comparingDouble((Map.Entry<String, double[]> entry) -> entry.getValue()[0]).reversed());
        List<Recommendation> result = new ArrayList<>(Math.min(limit, entries.size()));
        for (int position = 0; position < entries.size() && position < limit; position++) {
            result.add(new Recommendation(entries.get(position).getKey(), entries.get(position).getValue()[0]));
        }
        return result;
    }
}
