package io.deeppersona.core.serving;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * Business rules applied to one recommendation request, after the model has ranked the catalogue.
 *
 * @param excludePurchased drop items the customer has already bought (from training data or recorded events)
 * @param includeCategories when not empty, only items in one of these categories (any level of the item's path)
 * @param excludeCategories never items in one of these categories
 * @param minPrice lowest unit price allowed, inclusive; NaN = no bound (items without a price pass)
 * @param maxPrice highest unit price allowed, inclusive; NaN = no bound (items without a price pass)
 * @param allowItems when not empty, only these items (e.g. what is in stock)
 * @param denyItems never these items (e.g. out of stock)
 */
public record RecommendationFilters(
        boolean excludePurchased,
        Set<String> includeCategories,
        Set<String> excludeCategories,
        double minPrice,
        double maxPrice,
        Set<String> allowItems,
        Set<String> denyItems) {

    /** Excludes purchased items and nothing else. */
    public static final RecommendationFilters DEFAULT = new RecommendationFilters(true, Set.of(), Set.of(),
            Double.NaN, Double.NaN, Set.of(), Set.of());

    public RecommendationFilters {
        includeCategories = Set.copyOf(requireNonNull(includeCategories, "includeCategories is null"));
        excludeCategories = Set.copyOf(requireNonNull(excludeCategories, "excludeCategories is null"));
        allowItems = Set.copyOf(requireNonNull(allowItems, "allowItems is null"));
        denyItems = Set.copyOf(requireNonNull(denyItems, "denyItems is null"));
        if (Double.isInfinite(minPrice) || minPrice < 0) {
            throw new IllegalArgumentException("minPrice must be >= 0 or NaN (no bound), got " + minPrice);
        }
        if (Double.isInfinite(maxPrice) || maxPrice < 0) {
            throw new IllegalArgumentException("maxPrice must be >= 0 or NaN (no bound), got " + maxPrice);
        }
        if (minPrice > maxPrice) {
            throw new IllegalArgumentException("minPrice " + minPrice + " is above maxPrice " + maxPrice);
        }
    }
}
