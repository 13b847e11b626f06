package io.deeppersona.core.serving;

import java.util.List;
import java.util.Set;

/**
 * The business rules of one request, checked per item against the bundle's catalogue. An item the catalogue does
 * not know has no category (so it fails an include-category rule) and no price (so it passes price rules).
 */
final class ItemFilter {
    private final ServingBundle bundle;
    private final RecommendationFilters filters;
    private final Set<String> purchased;

    ItemFilter(ServingBundle bundle, RecommendationFilters filters, Set<String> purchased) {
        this.bundle = bundle;
        this.filters = filters;
        this.purchased = filters.excludePurchased() ? purchased : Set.of();
    }

    /** The items the model itself may skip: denied, and purchased when those are excluded. */
    Set<String> modelExclusions() {
        if (filters.denyItems().isEmpty()) {
            return purchased;
        }
        if (purchased.isEmpty()) {
            return filters.denyItems();
        }
        Set<String> both = new java.util.HashSet<>(purchased);
        both.addAll(filters.denyItems());
        return both;
    }

    boolean accepts(String itemId, int item) {
        if (filters.denyItems().contains(itemId) || purchased.contains(itemId)) {
            return false;
        }
        if (!filters.allowItems().isEmpty() && !filters.allowItems().contains(itemId)) {
            return false;
        }
        List<String> path = item < 0 ? List.of() : bundle.categoryPath(item);
        if (!filters.includeCategories().isEmpty() && !anyIn(path, filters.includeCategories())) {
            return false;
        }
        if (!filters.excludeCategories().isEmpty() && anyIn(path, filters.excludeCategories())) {
            return false;
        }
        double price = item < 0 ? Double.NaN : bundle.price(item);
        if (Double.isNaN(price)) {
            return true;
        }
        return !(price < filters.minPrice()) && !(price > filters.maxPrice());
    }

    private static boolean anyIn(List<String> path, Set<String> categories) {
        for (String category : path) {
            if (categories.contains(category)) {
                return true;
            }
        }
        return false;
    }
}
