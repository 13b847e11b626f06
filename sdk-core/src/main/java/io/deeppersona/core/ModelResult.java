package io.deeppersona.core;

import static java.util.Objects.requireNonNull;

import io.deeppersona.spi.Model;
import java.util.Map;
import java.util.Optional;

/**
 * One trained model of a pipeline run and, when the pipeline evaluates, its scores.
 *
 * @param name the model's name in the pipeline (its provider's name)
 * @param model the trained model; closed when the {@link PipelineResult} is closed
 * @param trainSeconds wall time of training
 * @param users customers evaluated, 0 without evaluation
 * @param metrics metric name (e.g. {@code "ndcg@10"}) to value; empty without evaluation
 */
public record ModelResult(String name, Model model, double trainSeconds, int users, Map<String, Double> metrics) {
    public ModelResult {
        requireNonNull(name, "name is null");
        requireNonNull(model, "model is null");
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }

    /** Returns one metric, if the run evaluated it. */
    public Optional<Double> metric(String key) {
        return Optional.ofNullable(metrics.get(key));
    }
}
