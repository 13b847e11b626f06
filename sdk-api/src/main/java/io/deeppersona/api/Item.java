package io.deeppersona.api;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A product, page, campaign or ad that customers interact with.
 *
 * @param itemId stable id, the same as in {@link CustomerEvent#itemId()}
 * @param title human-readable title, or {@code ""} when unknown
 * @param categoryPath categories from the most general to the most specific, e.g. {@code [home, lighting]};
 *     empty when unknown
 * @param price unit price, or {@code NaN} when unknown
 * @param attributes further named values, never null
 * @since 0.1
 */
public record Item(String itemId, String title, List<String> categoryPath, double price,
        Map<String, String> attributes) {

    public Item {
        requireNonNull(itemId, "itemId is null");
        if (itemId.isBlank()) {
            throw new IllegalArgumentException("itemId is blank");
        }
        requireNonNull(title, "title is null");
        categoryPath = List.copyOf(requireNonNull(categoryPath, "categoryPath is null"));
        for (String category : categoryPath) {
            if (category.isBlank()) {
                throw new IllegalArgumentException("categoryPath of item '" + itemId + "' holds a blank category");
            }
        }
        if (Double.isInfinite(price) || price < 0) {
            throw new IllegalArgumentException("price of item '" + itemId + "' must be >= 0 or NaN, got " + price);
        }
        attributes = Map.copyOf(requireNonNull(attributes, "attributes is null"));
    }

    /** An item known only by its id. */
    public static Item ofId(String itemId) {
        return new Item(itemId, "", List.of(), Double.NaN, Map.of());
    }

    /** Returns the most specific category, or {@code ""} when the item has none. */
    public String leafCategory() {
        return categoryPath.isEmpty() ? "" : categoryPath.get(categoryPath.size() - 1);
    }
}
