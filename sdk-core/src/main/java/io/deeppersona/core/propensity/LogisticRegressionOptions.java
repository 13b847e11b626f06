package io.deeppersona.core.propensity;

import io.deeppersona.api.error.ConfigurationException;
import java.util.List;

/**
 * Options of the {@code logistic-regression} propensity baseline; absent keys keep the defaults.
 *
 * @param l2 the L2 penalty on every weight but the intercept, on standardised numerics; default 1.0
 * @param maxIterations the most Newton steps; default 50
 * @param tolerance stop when no weight moves more than this in one step; default 1e-8
 * @param numericFeatures the numeric fields to use, standardised on the training rows; default every numeric
 *     field of the training features
 * @param oneHotFeatures the item-sequence fields whose tokens are one-hot encoded; default every item-sequence
 *     field of the training features
 */
public record LogisticRegressionOptions(Double l2, Integer maxIterations, Double tolerance,
        List<String> numericFeatures, List<String> oneHotFeatures) {
    public LogisticRegressionOptions {
        l2 = l2 == null ? 1.0 : l2;
        if (!(l2 >= 0) || l2.isInfinite()) {
            throw new ConfigurationException("Option 'l2' is " + l2 + "; expected a finite number >= 0");
        }
        maxIterations = maxIterations == null ? 50 : maxIterations;
        if (maxIterations < 1) {
            throw new ConfigurationException("Option 'maxIterations' is " + maxIterations + "; expected >= 1");
        }
        tolerance = tolerance == null ? 1e-8 : tolerance;
        if (!(tolerance > 0)) {
            throw new ConfigurationException("Option 'tolerance' is " + tolerance + "; expected > 0");
        }
        numericFeatures = numericFeatures == null ? null : List.copyOf(numericFeatures);
        oneHotFeatures = oneHotFeatures == null ? null : List.copyOf(oneHotFeatures);
    }

    /** The defaults. */
    public static LogisticRegressionOptions defaults() {
        return new LogisticRegressionOptions(null, null, null, null, null);
    }
}
