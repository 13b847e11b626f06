package io.deeppersona.core.serving;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The business rules of one request, checked per item against the bundle's catalogue. An item the catalogue does
 * not know has no category (so it fails an include-category rule) and no price (so it passes price rules).
 */
final class ItemFilter {
    private final ServingBundle bundle;
    private final RecommendationFilters filters;
    /** Purchases the catalogue knows, by index, and those it does not, by id; both empty unless they are excluded. */
    private final BitSet purchased;
    private final Set<String> purchasedOutsideCatalogue;

    ItemFilter(ServingBundle bundle, RecommendationFilters filters, BitSet purchased,
            Set<String> purchasedOutsideCatalogue) {
        this.bundle = bundle;
        this.filters = filters;
        this.purchased = filters.excludePurchased() ? purchased : new BitSet();
        this.purchasedOutsideCatalogue = filters.excludePurchased() ? purchasedOutsideCatalogue : Set.of();
    }

    /** The items the model itself may skip, by id: denied, and purchased when those are excluded. */
    Set<String> modelExclusions() {
        Set<String> excluded = new HashSet<>(filters.denyItems());
        excluded.addAll(purchasedOutsideCatalogue);
        for (int item = purchased.nextSetBit(0); item >= 0; item = purchased.nextSetBit(item + 1)) {
            excluded.add(bundle.itemId(item));
        }
        return excluded;
    }

    /** {@link #modelExclusions()} as catalogue indices, for models asked by index (which know no other items). */
    BitSet modelExclusionIndices() {
        BitSet excluded = (BitSet) purchased.clone();
        for (String itemId : filters.denyItems()) {
            int item = bundle.itemIndex(itemId);
            if (item >= 0) {
                excluded.set(item);
            }
        }
        return excluded;
    }

    boolean accepts(String itemId, int item) {
        if (filters.denyItems().contains(itemId)
                || (item >= 0 ? purchased.get(item) : purchasedOutsideCatalogue.contains(itemId))) {
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
