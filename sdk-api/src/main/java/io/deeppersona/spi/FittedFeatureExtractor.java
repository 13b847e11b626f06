package io.deeppersona.spi;

import io.deeppersona.api.Catalogue;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.FeatureSchema;
import io.deeppersona.api.FeatureTable;

/**
 * A fitted feature extractor. Immutable and thread-safe.
 *
 * @since 0.1
 */
public interface FittedFeatureExtractor {
    /** Returns the exact schema of the tables {@link #extract} produces. */
    FeatureSchema schema();

    /** Returns one row per customer that has events in {@code events}. */
    FeatureTable extract(EventLog events, Catalogue catalogue);
}
