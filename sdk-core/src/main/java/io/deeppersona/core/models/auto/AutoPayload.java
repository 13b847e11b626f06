package io.deeppersona.core.models.auto;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * The file {@value #FILE} of an {@code auto} payload: which components to load from {@code components/<name>/},
 * how to blend them, and the selection record that becomes the model's info.
 *
 * @param components the components in blend order, with their payload versions and weights
 * @param normalisation the per-query score normalisation ({@code rank} or {@code min-max})
 * @param blendDepth how many items each component contributes per query
 * @param hyperparameters the model info's hyperparameters (candidates, chosen, weights, reason, ...)
 * @param validationScores the model info's validation scores ({@code <candidate>/<metric>})
 */
record AutoPayload(List<Entry> components, String normalisation, int blendDepth, Map<String, Object> hyperparameters,
        Map<String, Double> validationScores) {
    static final String FILE = "auto.json";
    static final String COMPONENTS = "components/";

    AutoPayload {
        components = List.copyOf(requireNonNull(components, "components is null"));
        requireNonNull(normalisation, "normalisation is null");
        requireNonNull(hyperparameters, "hyperparameters is null");
        requireNonNull(validationScores, "validationScores is null");
    }

    /**
     * One component as saved.
     *
     * @param name its label, also its folder under {@code components/}
     * @param provider its provider's name
     * @param payloadVersion the payload version its provider wrote
     * @param weight its blend weight
     */
    record Entry(String name, String provider, int payloadVersion, double weight) {
        Entry {
            requireNonNull(name, "name is null");
            requireNonNull(provider, "provider is null");
        }
    }

    static String prefix(String component) {
        return COMPONENTS + component + "/";
    }
}
