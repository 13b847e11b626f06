package io.deeppersona.core.models.auto;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.ModelInfo;
import io.deeppersona.api.Recommendation;
import io.deeppersona.api.RecommendationQuery;
import io.deeppersona.api.artifact.ArtifactWriter;
import io.deeppersona.spi.Model;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One candidate's deep ranked lists for the validation customers, kept so that the weight search can score
 * hundreds of blends without querying (or keeping) the candidate models again. {@link #recording} fills it while
 * the candidate itself is evaluated; {@link #replay} answers the same queries from it. Both are models only for
 * the evaluator: they cannot be saved.
 */
final class ValidationRankings {
    private final String candidate;
    private final int depth;
    private final Map<String, List<Recommendation>> byCustomer = new ConcurrentHashMap<>();

    ValidationRankings(String candidate, int depth) {
        this.candidate = requireNonNull(candidate, "candidate is null");
        this.depth = depth;
    }

    /** Returns a model that asks {@code model} for {@code depth} items, keeps them, and answers with the first K. */
    Model recording(Model model) {
        requireNonNull(model, "model is null");
        return new EvaluationOnly(model.info()) {
            @Override
            public List<Recommendation> recommend(RecommendationQuery query) {
                RecommendationQuery deep = new RecommendationQuery(query.customerId(), query.history(),
                        Math.max(depth, query.limit()), query.excludedItems());
                List<Recommendation> ranked = List.copyOf(model.recommend(deep));
                byCustomer.put(query.customerId(), ranked);
                return ranked.subList(0, Math.min(query.limit(), ranked.size()));
            }
        };
    }

    /** Returns a model that answers each recorded customer's query with their recorded list. */
    Model replay() {
        return new EvaluationOnly(new ModelInfo(candidate, 1, Map.of(), Map.of())) {
            @Override
            public List<Recommendation> recommend(RecommendationQuery query) {
                List<Recommendation> ranked = byCustomer.get(query.customerId());
                if (ranked == null) {
                    throw new IllegalStateException("no validation ranking of '" + candidate
                            + "' was recorded for this customer");
                }
                return ranked;
            }
        };
    }

    private abstract static class EvaluationOnly implements Model {
        private final ModelInfo info;

        EvaluationOnly(ModelInfo info) {
            this.info = info;
        }

        @Override
        public ModelInfo info() {
            return info;
        }

        @Override
        public void save(ArtifactWriter payload) {
            throw new UnsupportedOperationException("a validation ranking is not a model to save");
        }

        @Override
        public void close() {
        }
    }
}
