package io.deeppersona.core.serving;

import io.deeppersona.api.ModelInfo;
import io.deeppersona.api.Recommendation;
import io.deeppersona.api.RecommendationQuery;
import io.deeppersona.api.artifact.ArtifactWriter;
import io.deeppersona.spi.Model;
import java.util.List;

/**
 * A model seen through a plain {@link Model}: it reports {@code name} as its provider, runs {@code onRecommend}
 * before each answer and hides every other interface of the wrapped model (such as item indices), so tests can
 * deploy a built-in model under another provider, count its calls, make it fail, or force the by-id route.
 */
public record WrappedModel(Model model, String name, Runnable onRecommend) implements Model {

    /** The model under its own provider name, only without its other interfaces. */
    public static WrappedModel hiding(Model model) {
        return new WrappedModel(model, model.info().provider(), () -> { });
    }

    @Override
    public ModelInfo info() {
        ModelInfo own = model.info();
        return new ModelInfo(name, own.payloadVersion(), own.hyperparameters(), own.validationScores());
    }

    @Override
    public List<Recommendation> recommend(RecommendationQuery query) {
        onRecommend.run();
        return model.recommend(query);
    }

    @Override
    public void save(ArtifactWriter payload) {
        model.save(payload);
    }

    @Override
    public void close() {
        model.close();
    }
}
