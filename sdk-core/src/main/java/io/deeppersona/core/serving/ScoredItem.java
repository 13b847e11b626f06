package io.deeppersona.core.serving;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One recommended item with its score and why it was chosen.
 *
 * @param itemId the item
 * @param score the model's (or fallback's) score; higher is better; comparable only within one response
 * @param reason a short human-readable reason, e.g. {@code "bought with 85123A, 22423"} or
 *     {@code "popular in segment loyal"}
 * @param becauseOf the items of the customer's history that contributed most, best first; empty for fallbacks
 */
public record ScoredItem(String itemId, double score, String reason, List<String> becauseOf) {
    public ScoredItem {
        requireNonNull(itemId, "itemId is null");
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score of item '" + itemId + "' must be finite, got " + score);
        }
        requireNonNull(reason, "reason is null");
        becauseOf = List.copyOf(requireNonNull(becauseOf, "becauseOf is null"));
    }
}
