package io.deeppersona.spi;

import io.deeppersona.api.FeatureVector;
import io.deeppersona.api.ModelInfo;
import io.deeppersona.api.Recommendation;
import io.deeppersona.api.RecommendationQuery;
import io.deeppersona.api.artifact.ArtifactWriter;
import io.deeppersona.api.error.PredictionException;
import java.util.List;

/**
 * A trained model: immutable, safe for concurrent {@code recommend}. Closing frees native memory.
 *
 * @since 0.1
 */
public interface Model extends AutoCloseable {
    /** Returns what this model is and how it was trained. */
    ModelInfo info();

    /**
     * Ranks the whole catalogue for one customer and returns the best {@code query.limit()} items, best first,
     * never one of {@code query.excludedItems()}. A customer the model does not know is answered from
     * {@code query.history()} or, with no history, with the model's fallback (e.g. popularity).
     *
     * @throws PredictionException if the model cannot recommend (closed, or a propensity-only model)
     */
    List<Recommendation> recommend(RecommendationQuery query);

    /**
     * Returns the probability that this customer responds (buys, clicks), for propensity models.
     *
     * @throws PredictionException if the model does not score propensity
     */
    default double propensity(FeatureVector features) {
        throw new PredictionException("model '" + info().provider() + "' does not score propensity");
    }

    /**
     * Returns {@link #propensity(FeatureVector)} of each vector, in order; network models override it to score in
     * batches, which is far faster than one call per customer.
     *
     * @throws PredictionException if the model does not score propensity
     */
    default double[] propensities(List<FeatureVector> features) {
        double[] scores = new double[features.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = propensity(features.get(i));
        }
        return scores;
    }

    /** Writes the model's payload; the SDK adds the manifest. */
    void save(ArtifactWriter payload);

    /** Frees resources; idempotent, never throws a checked exception. */
    @Override
    void close();
}
