package io.deeppersona.core.serving.batch;

import static java.util.Objects.requireNonNull;

import io.deeppersona.core.serving.RecommendationSource;
import io.deeppersona.core.serving.ScoredItem;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The batch result for one customer: the top items and a propensity per campaign.
 *
 * @param customerId the customer
 * @param modelVersion the deployed version that ranked the items
 * @param scoredAt when the customer was scored
 * @param source the model, or the fallback step that chose the items
 * @param items the items, best first (rank 1 is the first); may be empty when the filters leave nothing
 * @param propensities the probability per campaign, in [0, 1]; iterated in campaign name order
 */
public record ScoredCustomer(String customerId, String modelVersion, Instant scoredAt, RecommendationSource source,
        List<ScoredItem> items, Map<String, Double> propensities) {
    public ScoredCustomer {
        requireNonNull(customerId, "customerId is null");
        requireNonNull(modelVersion, "modelVersion is null");
        requireNonNull(scoredAt, "scoredAt is null");
        requireNonNull(source, "source is null");
        items = List.copyOf(requireNonNull(items, "items is null"));
        requireNonNull(propensities, "propensities is null");
        // A sorted copy, so files and tables list campaigns in the same order on every run.
        TreeMap<String, Double> sorted = new TreeMap<>();
        propensities.forEach((campaign, probability) -> {
            requireNonNull(campaign, "campaign is null");
            if (probability == null || !(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("propensity for campaign '" + campaign
                        + "' must be in [0, 1], got " + probability);
            }
            sorted.put(campaign, probability);
        });
        propensities = Collections.unmodifiableMap(sorted);
    }
}
