package io.deeppersona.core.serving;

import io.deeppersona.api.CustomerEvent;
import io.deeppersona.spi.DeployedVersion;
import java.util.List;
import java.util.Optional;

/**
 * The in-process runtime that answers recommendation and propensity requests from the active deployed version.
 *
 * <p>Thread-safe: any number of threads may call every method at once. {@link #activate} swaps the served
 * version atomically: calls in flight finish on the old version, later calls use the new one, and none fails
 * because of the swap. {@link #record} updates a customer's recent history at once, without retraining.
 *
 * <pre>{@code
 * try (Recommender recommender = ...) {
 *     RecommendationResponse r = recommender.recommend("12345", 10, RecommendationFilters.DEFAULT);
 *     recommender.record(CustomerEvent.of("12345", "85123A", EventType.VIEW, Instant.now()));
 * }
 * }</pre>
 */
public interface Recommender extends AutoCloseable {
    /**
     * Returns at most {@code k} items for the customer, best first, after the filters.
     *
     * @throws IllegalArgumentException if {@code k} is out of range or the customer id is blank or too long
     * @throws io.deeppersona.api.error.PredictionException if nothing is deployed or the model fails
     */
    RecommendationResponse recommend(String customerId, int k, RecommendationFilters filters);

    /**
     * Returns the probability that the customer responds to {@code campaign}.
     *
     * @throws io.deeppersona.api.error.PredictionException if the active version has no model for the campaign
     */
    PropensityResponse propensity(String customerId, String campaign);

    /** Returns the campaigns the active version can score, sorted. */
    List<String> campaigns();

    /** Adds an event to its customer's recent history (bounded); the next answer for that customer sees it. */
    void record(CustomerEvent event);

    /** Returns the version being served, if any. */
    Optional<DeployedVersion> activeVersion();

    /** Returns every deployed version, oldest first, with its validation scores. */
    List<DeployedVersion> versions();

    /**
     * Activates a deployed version and serves it from now on; on failure the previous version keeps serving.
     *
     * @throws io.deeppersona.api.error.DeploymentException if the version is unknown or cannot be loaded
     */
    DeployedVersion activate(String version);

    /** Stops serving and frees the loaded models; idempotent. */
    @Override
    void close();
}
