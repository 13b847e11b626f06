package io.deeppersona.api;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One recommended item with its score; higher scores rank first.
 *
 * @param itemId the recommended item
 * @param score the model's score; only the order is meaningful across models
 * @param attributes explanations and provenance, e.g. {@code {"reason": "bought with 22423"}}
 * @since 0.1
 */
public record Recommendation(String itemId, double score, Map<String, String> attributes) {
    public Recommendation {
        requireNonNull(itemId, "itemId is null");
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be finite, got " + score);
        }
        attributes = Map.copyOf(requireNonNull(attributes, "attributes is null"));
    }

    public Recommendation(String itemId, double score) {
        this(itemId, score, Map.of());
    }
}
