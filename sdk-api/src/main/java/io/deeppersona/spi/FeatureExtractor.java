package io.deeppersona.spi;

import io.deeppersona.api.Catalogue;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.FeatureSchema;

/**
 * A configured feature extractor: turns each customer's events into features (RFM, category preference, item
 * sequences, behaviour matrices). Vocabularies and scales are learned only in {@link #fit}, on training data.
 *
 * @since 0.1
 */
public interface FeatureExtractor {
    /** Returns the stage name, unique within a pipeline; the provider's name by default. */
    String name();

    /**
     * Returns the fields this extractor will produce. Dimensions that depend on the data (a category vocabulary)
     * are known only after {@link #fit}; {@link FittedFeatureExtractor#schema()} has them all.
     */
    FeatureSchema outputSchema();

    /** Learns vocabularies, reference times and scales from {@code training}. */
    FittedFeatureExtractor fit(EventLog training, Catalogue catalogue);
}
