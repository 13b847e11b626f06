package io.deeppersona.core.models.auto;

import io.deeppersona.api.Recommendation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Merges the ranked lists of several components into one: each list's scores are normalised per query, multiplied
 * by the component's weight, and summed per item; an item missing from a list gets 0 from it. Equal sums keep the
 * order in which items first appear (the first component's list first), so the result is deterministic.
 */
final class Blender {
    private Blender() {
    }

    /** One item's running sum and the position at which it first appeared. */
    private static final class Entry {
        final String itemId;
        final int order;
        double sum;

        Entry(String itemId, int order) {
            this.itemId = itemId;
            this.order = order;
        }

        /** Whether this entry ranks before {@code other}: higher sum, then earlier first appearance. */
        boolean before(Entry other) {
            return sum > other.sum || (sum == other.sum && order < other.order);
        }
    }

    static List<Recommendation> blend(List<List<Recommendation>> lists, double[] weights, Normalisation normalisation,
            int depth, int limit) {
        if (lists.size() != weights.length) {
            throw new IllegalArgumentException(lists.size() + " lists for " + weights.length + " weights");
        }
        int total = 0;
        for (List<Recommendation> ranked : lists) {
            total += ranked.size();
        }
        // Sized for every listed item up front: growing through four resizes cost more than the sums themselves.
        Map<String, Entry> sums = new HashMap<>(Math.max(16, total * 4 / 3 + 1));
        for (int component = 0; component < lists.size(); component++) {
            if (weights[component] == 0) {
                continue;
            }
            List<Recommendation> ranked = lists.get(component);
            double[] normalised = normalisation.apply(ranked, depth);
            for (int rank = 0; rank < normalised.length; rank++) {
                String itemId = ranked.get(rank).itemId();
                Entry entry = sums.get(itemId);
                if (entry == null) {
                    entry = new Entry(itemId, sums.size());
                    sums.put(itemId, entry);
                }
                entry.sum += weights[component] * normalised[rank];
            }
        }
        // The blend is asked for far fewer items than it merges, so keep a bounded heap whose head is the worst kept.
        PriorityQueue<Entry> kept = new PriorityQueue<>(Math.max(1, limit), (a, b) -> a.before(b) ? 1
                : b.before(a) ? -1 : 0);
        for (Entry entry : sums.values()) {
            if (kept.size() < limit) {
                kept.add(entry);
            } else if (entry.before(kept.peek())) {
                kept.poll();
                kept.add(entry);
            }
        }
        List<Recommendation> result = new ArrayList<>(kept.size());
        while (!kept.isEmpty()) {
            Entry entry = kept.poll();
            result.add(new Recommendation(entry.itemId, entry.sum));
        }
        Collections.reverse(result);
        return result;
    }
}
