package io.deeppersona.core.models.auto;

import io.deeppersona.api.error.ConfigurationException;
import java.util.Arrays;
import java.util.List;

/**
 * Makes one component's scores for one query comparable with another's before they are weighted: models score on
 * unrelated scales (customer counts, cosine sums, regression outputs).
 */
enum Normalisation {
    /** Position only: the item at rank r (0-based) of a list of depth N gets {@code 1 - r / N}. */
    RANK("rank"),
    /** The list's own range: {@code (s - min) / (max - min)}, every item 1 when all scores are equal. */
    MIN_MAX("min-max");

    private final String label;

    Normalisation(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static Normalisation of(String label) {
        for (Normalisation normalisation : values()) {
            if (normalisation.label.equals(label)) {
                return normalisation;
            }
        }
        throw new ConfigurationException("auto option 'normalisation' must be one of "
                + Arrays.stream(values()).map(Normalisation::label).toList() + ", got '" + label + "'");
    }

    /** Returns one normalised score per entry of {@code ranked} (scores, best first) from a query of depth {@code depth}. */
    double[] apply(double[] ranked, int depth) {
        double[] normalised = new double[ranked.length];
        if (this == RANK) {
            // Dividing by the requested depth, not the list's length, keeps a short list from looking as strong as a full one.
            for (int rank = 0; rank < normalised.length; rank++) {
                normalised[rank] = 1.0 - (double) rank / Math.max(depth, normalised.length);
            }
            return normalised;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double score : ranked) {
            min = Math.min(min, score);
            max = Math.max(max, score);
        }
        double range = max - min;
        for (int rank = 0; rank < normalised.length; rank++) {
            normalised[rank] = range > 0 ? (ranked[rank] - min) / range : 1.0;
        }
        return normalised;
    }
}
