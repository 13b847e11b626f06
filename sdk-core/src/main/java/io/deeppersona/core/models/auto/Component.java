package io.deeppersona.core.models.auto;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.Recommendation;
import io.deeppersona.api.RecommendationQuery;
import io.deeppersona.spi.Model;
import java.util.List;

/**
 * One trained model inside an {@code auto} model, with its blend weight. A model that does not claim
 * {@code CONCURRENT_RECOMMEND} is queried under its own lock, so the {@code auto} model stays safe for concurrent
 * use whatever its components promise.
 *
 * @param name the component's label, also its folder in the payload
 * @param provider its provider's name
 * @param model the trained model
 * @param weight its weight in the blend, in (0, 1]
 * @param concurrent whether the model may be queried from many threads at once
 */
record Component(String name, String provider, Model model, double weight, boolean concurrent) {
    Component {
        requireNonNull(name, "name is null");
        requireNonNull(provider, "provider is null");
        requireNonNull(model, "model is null");
        if (!(weight > 0 && weight <= 1)) {
            throw new IllegalArgumentException("weight of component '" + name + "' must lie in (0, 1], got " + weight);
        }
    }

    List<Recommendation> recommend(RecommendationQuery query) {
        if (concurrent) {
            return model.recommend(query);
        }
        synchronized (model) {
            return model.recommend(query);
        }
    }
}
