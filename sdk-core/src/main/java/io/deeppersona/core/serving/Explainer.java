package io.deeppersona.core.serving;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Explains a model's item by the customer's history items most similar to it in the bundle's co-purchase
 * neighbour lists (either direction: the item among a history item's neighbours, or the reverse).
 */
final class Explainer {
    private static final int MAX_REASONS = 3;

    private final ServingBundle bundle;
    private final BitSet history;
    private final int[] recent;

    /**
     * @param history every known history item (recent and purchased)
     * @param recent the distinct recent items, whose own neighbour lists are searched too
     */
    Explainer(ServingBundle bundle, BitSet history, int[] recent) {
        this.bundle = bundle;
        this.history = history;
        this.recent = recent;
    }

    /** Returns up to three history item ids, most similar first (ties: lower item index). */
    List<String> becauseOf(int item) {
        if (item < 0) {
            return List.of();
        }
        List<long[]> found = new ArrayList<>();
        int[] neighbours = bundle.neighbours(item);
        float[] similarities = bundle.similarities(item);
        for (int p = 0; p < neighbours.length; p++) {
            if (history.get(neighbours[p])) {
                found.add(new long[] {Float.floatToIntBits(similarities[p]), neighbours[p]});
            }
        }
        for (int source : recent) {
            // A recent item among the item's own neighbours was found above (recent items are history items).
            if (source == item || bundle.listedSimilarity(item, source) >= 0) {
                continue;
            }
            float similarity = bundle.listedSimilarity(source, item);
            if (similarity >= 0) {
                found.add(new long[] {Float.floatToIntBits(similarity), source});
            }
        }
        // Non-negative floats order like their bit patterns.
        found.sort((a, b) -> a[0] != b[0] ? Long.compare(b[0], a[0]) : Long.compare(a[1], b[1]));
        List<String> ids = new ArrayList<>(Math.min(MAX_REASONS, found.size()));
        for (int i = 0; i < found.size() && i < MAX_REASONS; i++) {
            ids.add(bundle.itemId((int) found.get(i)[1]));
        }
        return ids;
    }
}
