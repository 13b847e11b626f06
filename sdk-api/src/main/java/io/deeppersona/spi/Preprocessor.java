package io.deeppersona.spi;

import io.deeppersona.api.EventLog;

/**
 * A configured preprocessing step: deduplicate, filter, sessionise, pseudonymise. A step that learns from data
 * (the items frequent enough to keep, say) does so only in {@link #fit}, which the pipeline calls on the training
 * period alone, so nothing of the test period leaks into training.
 *
 * @since 0.1
 */
public interface Preprocessor {
    /** Returns the stage name, unique within a pipeline; the provider's name by default. */
    String name();

    /**
     * Returns whether {@link #fit} learns anything from its input. The pipeline applies the leading stateless
     * steps to the whole log before it splits train from test, and fits every step from the first stateful one
     * on on the training part only.
     */
    default boolean learnsFromData() {
        return false;
    }

    /** Learns what the step needs from {@code training} and returns the step ready to apply. */
    FittedPreprocessor fit(EventLog training);
}
