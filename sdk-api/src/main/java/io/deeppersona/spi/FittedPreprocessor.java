package io.deeppersona.spi;

import io.deeppersona.api.EventLog;

/**
 * A preprocessing step ready to apply: either stateless, or with what it learned from the training period fixed.
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface FittedPreprocessor {
    /** Transforms {@code events}; never modifies its input. */
    PreprocessResult apply(EventLog events);
}
