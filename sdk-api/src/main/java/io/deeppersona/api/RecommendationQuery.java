package io.deeppersona.api;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * What a recommender is asked: the customer, what they did (oldest first), how many items, and which items may
 * not be returned (already bought, out of stock).
 *
 * @param customerId the customer; models with per-customer state use it, others rely on {@code history}
 * @param history the customer's item ids in chronological order, most recent last; may be empty (a cold customer)
 * @param limit how many items to return, at least 1
 * @param excludedItems items that must not be returned
 * @since 0.1
 */
public record RecommendationQuery(String customerId, List<String> history, int limit, Set<String> excludedItems) {
    public RecommendationQuery {
        requireNonNull(customerId, "customerId is null");
        history = List.copyOf(requireNonNull(history, "history is null"));
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, got " + limit);
        }
        excludedItems = Set.copyOf(requireNonNull(excludedItems, "excludedItems is null"));
    }

    /** A query that excludes nothing. */
    public static RecommendationQuery of(String customerId, List<String> history, int limit) {
        return new RecommendationQuery(customerId, history, limit, Set.of());
    }
}
