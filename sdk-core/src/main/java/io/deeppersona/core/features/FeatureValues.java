package io.deeppersona.core.features;

/**
 * The conventions every built-in extractor shares for turning raw event numbers into finite features.
 *
 * <p>Missing numbers are not invented as features would otherwise be NaN: an unknown quantity counts as one unit
 * (an event happened, so at least one thing was involved) and an unknown value as zero money (nothing is claimed).
 */
final class FeatureValues {
    static final long DAY_MILLIS = 86_400_000L;

    private FeatureValues() {
    }

    /** Returns {@code quantity}, or 1 when it is unknown. */
    static double quantityOrOne(float quantity) {
        return Float.isNaN(quantity) ? 1 : quantity;
    }

    /** Returns {@code value}, or 0 when it is unknown. */
    static double valueOrZero(float value) {
        return Float.isNaN(value) ? 0 : value;
    }

    /** Returns {@code millis} as fractional days. */
    static double days(long millis) {
        return millis / (double) DAY_MILLIS;
    }

    /**
     * Returns {@code log1p(|x|)} with the sign of {@code x}: compresses heavy tails like {@code log1p} but stays
     * finite and monotone for negative totals, which returns can produce.
     */
    static double signedLog1p(double x) {
        return Math.copySign(Math.log1p(Math.abs(x)), x);
    }

    /** Returns the largest timestamp in {@code log}, or 0 for an empty log. */
    static long maxTimestamp(io.deeppersona.api.EventLog log) {
        if (log.size() == 0) {
            return 0;
        }
        long max = Long.MIN_VALUE;
        for (int row = 0; row < log.size(); row++) {
            max = Math.max(max, log.timestampMillis(row));
        }
        return max;
    }

    /** Returns the smallest timestamp in {@code log}, or 0 for an empty log. */
    static long minTimestamp(io.deeppersona.api.EventLog log) {
        if (log.size() == 0) {
            return 0;
        }
        long min = Long.MAX_VALUE;
        for (int row = 0; row < log.size(); row++) {
            min = Math.min(min, log.timestampMillis(row));
        }
        return min;
    }
}
