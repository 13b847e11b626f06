package io.deeppersona.api;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * What a trained model is: which provider made it, with which settings, and how it scored on validation.
 *
 * @param provider the provider's stable name, e.g. {@code "ease"}
 * @param payloadVersion the provider's payload version this model would be saved with
 * @param hyperparameters the settings it was trained with (JSON-friendly values: numbers, strings, booleans)
 * @param validationScores metric name to value on the validation split, empty when not validated
 * @since 0.1
 */
public record ModelInfo(String provider, int payloadVersion, Map<String, Object> hyperparameters,
        Map<String, Double> validationScores) {
    public ModelInfo {
        requireNonNull(provider, "provider is null");
        if (payloadVersion < 1) {
            throw new IllegalArgumentException("payloadVersion must be >= 1, got " + payloadVersion);
        }
        hyperparameters = Map.copyOf(requireNonNull(hyperparameters, "hyperparameters is null"));
        validationScores = Map.copyOf(requireNonNull(validationScores, "validationScores is null"));
    }
}
