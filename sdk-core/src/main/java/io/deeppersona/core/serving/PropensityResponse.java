package io.deeppersona.core.serving;

import static java.util.Objects.requireNonNull;

/**
 * The answer to one {@link Recommender#propensity} call.
 *
 * @param customerId the customer asked about
 * @param campaign the campaign (propensity model) asked about
 * @param modelVersion the deployed version that answered
 * @param probability the probability that the customer responds, in [0, 1]
 * @param knownCustomer false when the customer had no features and the campaign's base rate was returned
 */
public record PropensityResponse(String customerId, String campaign, String modelVersion, double probability,
        boolean knownCustomer) {
    public PropensityResponse {
        requireNonNull(customerId, "customerId is null");
        requireNonNull(campaign, "campaign is null");
        requireNonNull(modelVersion, "modelVersion is null");
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + probability);
        }
    }
}
