package io.deeppersona.core.propensity;

import io.deeppersona.api.error.ConfigurationException;

/**
 * Options of the {@code rfm-score} heuristic; absent keys keep the defaults.
 *
 * @param field the numeric field holding {@code [recency_days, frequency, monetary]}; default {@code "rfm"}
 * @param bins how many quantile scores per dimension (5 = the classic quintiles); default 5
 * @param smoothing pseudo-count pulling a score's positive rate towards the overall rate; default 1.0
 */
public record RfmScoreOptions(String field, Integer bins, Double smoothing) {
    public RfmScoreOptions {
        field = field == null ? "rfm" : field;
        if (field.isBlank()) {
            throw new ConfigurationException("Option 'field' is blank; name the rfm feature, e.g. \"rfm\"");
        }
        bins = bins == null ? 5 : bins;
        if (bins < 2 || bins > 100) {
            throw new ConfigurationException("Option 'bins' is " + bins + "; expected 2..100 (5 = quintiles)");
        }
        smoothing = smoothing == null ? 1.0 : smoothing;
        if (!(smoothing >= 0) || smoothing.isInfinite()) {
            throw new ConfigurationException("Option 'smoothing' is " + smoothing + "; expected a finite number >= 0");
        }
    }

    /** The defaults. */
    public static RfmScoreOptions defaults() {
        return new RfmScoreOptions(null, null, null);
    }
}
