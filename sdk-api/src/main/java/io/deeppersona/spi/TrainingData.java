package io.deeppersona.spi;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.Catalogue;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.FeatureTable;
import java.util.Map;

/**
 * What a model trains on: the preprocessed training events, the catalogue, and the extracted features.
 *
 * @param events preprocessed training events; only the training period under evaluation
 * @param catalogue item metadata, possibly empty
 * @param features features per customer, possibly empty
 * @param labels customer id to target (1 responded, 0 did not) for propensity models; empty for recommenders
 * @since 0.1
 */
public record TrainingData(EventLog events, Catalogue catalogue, FeatureTable features, Map<String, Float> labels) {
    public TrainingData {
        requireNonNull(events, "events is null");
        requireNonNull(catalogue, "catalogue is null");
        requireNonNull(features, "features is null");
        labels = Map.copyOf(requireNonNull(labels, "labels is null"));
    }

    /** Training data without labels, for recommenders. */
    public TrainingData(EventLog events, Catalogue catalogue, FeatureTable features) {
        this(events, catalogue, features, Map.of());
    }

    /** Training data of events alone. */
    public static TrainingData of(EventLog events) {
        return new TrainingData(events, Catalogue.empty(), FeatureTable.empty());
    }
}
