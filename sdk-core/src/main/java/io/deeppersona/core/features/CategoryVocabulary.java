package io.deeppersona.core.features;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.Catalogue;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.Item;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The item categories an extractor keeps, learned at fit: the most frequent categories by counted events, plus
 * {@value #OTHER} for rare categories, items without a category and items the catalogue does not know.
 *
 * <p>An item's category is its catalogue {@code categoryPath} at {@code level} (0 = most general), or its leaf
 * when {@code level} is {@code null}. A path shorter than the level contributes its leaf, so that shallow
 * catalogues still get categories rather than all falling into {@value #OTHER}.
 *
 * @param categories the kept categories, most frequent first (ties by name); never contains {@value #OTHER}
 * @param level the category level, or {@code null} for the leaf
 */
record CategoryVocabulary(List<String> categories, Integer level) {
    static final String OTHER = "other";

    CategoryVocabulary {
        categories = List.copyOf(requireNonNull(categories, "categories is null"));
    }

    /**
     * Counts the category of every counted row that has a customer, and keeps the top {@code max}; a real
     * category named {@value #OTHER} merges into the catch-all.
     */
    static CategoryVocabulary learn(EventLog log, Catalogue catalogue, boolean[] counted, Integer level, int max) {
        String[] categoryOfItem = new String[log.itemCount()];
        boolean[] resolved = new boolean[log.itemCount()];
        Map<String, Integer> counts = new HashMap<>();
        for (int row = 0; row < log.size(); row++) {
            if (log.customer(row) < 0 || !counted[log.eventType(row)]) {
                continue;
            }
            int item = log.item(row);
            if (!resolved[item]) {
                categoryOfItem[item] = categoryOf(catalogue.items().get(log.itemId(item)), level);
                resolved[item] = true;
            }
            String category = categoryOfItem[item];
            if (category != null && !category.equals(OTHER)) {
                counts.merge(category, 1, Integer::sum);
            }
        }
        List<String> kept = new ArrayList<>(counts.keySet());
        kept.sort(Comparator.comparing((String c) -> -counts.get(c)).thenComparing(Comparator.naturalOrder()));
        return new CategoryVocabulary(kept.subList(0, Math.min(max, kept.size())), level);
    }

    /** Returns the item's category at {@code level} (the leaf when {@code null}), or {@code null} if it has none. */
    static String categoryOf(Item item, Integer level) {
        if (item == null || item.categoryPath().isEmpty()) {
            return null;
        }
        List<String> path = item.categoryPath();
        return level == null ? path.get(path.size() - 1) : path.get(Math.min(level, path.size() - 1));
    }

    /** Returns the labels: the kept categories followed by {@value #OTHER}. */
    List<String> labels() {
        List<String> labels = new ArrayList<>(categories);
        labels.add(OTHER);
        return labels;
    }

    /** Returns the number of labels, {@value #OTHER} included. */
    int size() {
        return categories.size() + 1;
    }

    /** Returns, for each item of {@code log}'s dictionary, its label index under {@code catalogue}. */
    int[] labelIndexOfItems(EventLog log, Catalogue catalogue) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < categories.size(); i++) {
            index.put(categories.get(i), i);
        }
        int other = categories.size();
        int[] labelOfItem = new int[log.itemCount()];
        for (int item = 0; item < labelOfItem.length; item++) {
            String category = categoryOf(catalogue.items().get(log.itemId(item)), level);
            labelOfItem[item] = category == null ? other : index.getOrDefault(category, other);
        }
        return labelOfItem;
    }
}
