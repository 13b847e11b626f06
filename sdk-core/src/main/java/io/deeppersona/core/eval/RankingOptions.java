package io.deeppersona.core.eval;

import io.deeppersona.api.error.ConfigurationException;

/**
 * Options of the {@link RankingEvaluator}; absent (null) values take their defaults.
 *
 * @param k the cut-off K of every metric (default 10), at least 1
 * @param excludeSeen whether items the customer has in training are excluded from both the ranking and the
 *     targets (default true)
 * @param parallelism how many threads query the model at once (default: available processors); results do not
 *     depend on it
 */
public record RankingOptions(Integer k, Boolean excludeSeen, Integer parallelism) {
    public static final int DEFAULT_K = 10;

    public RankingOptions {
        if (k == null) {
            k = DEFAULT_K;
        }
        if (excludeSeen == null) {
            excludeSeen = true;
        }
        if (parallelism == null || parallelism == 0) {
            parallelism = Runtime.getRuntime().availableProcessors();
        }
        if (k < 1) {
            throw new ConfigurationException("ranking option 'k' must be >= 1, got " + k);
        }
        if (parallelism < 1) {
            throw new ConfigurationException("ranking option 'parallelism' must be >= 1 (0 for the default), got "
                    + parallelism);
        }
    }

    /** The defaults: K = 10, excluding seen items, one thread per processor. */
    public static RankingOptions defaults() {
        return new RankingOptions(null, null, null);
    }

    /** The defaults with cut-off {@code k}. */
    public static RankingOptions atK(int k) {
        return new RankingOptions(k, null, null);
    }
}
