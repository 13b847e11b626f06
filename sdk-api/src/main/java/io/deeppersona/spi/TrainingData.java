package io.deeppersona.spi;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.Catalogue;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.FeatureTable;

/**
 * What a model trains on: the preprocessed training events, the catalogue, and the extracted features.
 *
 * @param events preprocessed training events; only the training period under evaluation
 * @param catalogue item metadata, possibly empty
 * @param features features per customer, possibly empty
 * @since 0.1
 */
public record TrainingData(EventLog events, Catalogue catalogue, FeatureTable features) {
    public TrainingData {
        requireNonNull(events, "events is null");
        requireNonNull(catalogue, "catalogue is null");
        requireNonNull(features, "features is null");
    }

    /** Training data of events alone. */
    public static TrainingData of(EventLog events) {
        return new TrainingData(events, Catalogue.empty(), FeatureTable.empty());
    }
}
