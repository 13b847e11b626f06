package io.deeppersona.core.models;

import io.deeppersona.api.error.ConfigurationException;

/**
 * Options of the {@code ease} model.
 *
 * @param lambda L2 regularisation added to the Gram matrix's diagonal (default 250), finite and > 0
 */
public record EaseOptions(Double lambda) {
    public static final double DEFAULT_LAMBDA = 250.0;

    public EaseOptions {
        if (lambda == null) {
            lambda = DEFAULT_LAMBDA;
        }
        if (!Double.isFinite(lambda) || lambda <= 0) {
            throw new ConfigurationException("ease option 'lambda' must be a finite number > 0, got " + lambda);
        }
    }

    /** The defaults. */
    public EaseOptions() {
        this(null);
    }
}
