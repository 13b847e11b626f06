package io.deeppersona.core.serving;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The answer to one {@link Recommender#recommend} call.
 *
 * @param customerId the customer asked about
 * @param modelVersion the deployed version that answered
 * @param source the model, or the fallback step that was used
 * @param items at most k items, best first; fewer when the filters leave fewer
 */
public record RecommendationResponse(String customerId, String modelVersion, RecommendationSource source,
        List<ScoredItem> items) {
    public RecommendationResponse {
        requireNonNull(customerId, "customerId is null");
        requireNonNull(modelVersion, "modelVersion is null");
        requireNonNull(source, "source is null");
        items = List.copyOf(requireNonNull(items, "items is null"));
    }
}
