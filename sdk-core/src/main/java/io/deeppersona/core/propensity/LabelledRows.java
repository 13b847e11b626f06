package io.deeppersona.core.propensity;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.FeatureTable;
import io.deeppersona.api.FeatureVector;
import io.deeppersona.api.error.TrainingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The customers a propensity model trains on: those with both a feature row and a label, in feature-table order.
 * Public so that the DL4J propensity models share the rule.
 *
 * @param rows the feature rows
 * @param labels 0 or 1 per row
 */
public record LabelledRows(List<FeatureVector> rows, float[] labels) {
    public LabelledRows {
        rows = List.copyOf(requireNonNull(rows, "rows is null"));
        requireNonNull(labels, "labels is null");
        if (rows.size() != labels.length) {
            throw new IllegalArgumentException(rows.size() + " rows but " + labels.length + " labels");
        }
    }

    /**
     * Joins {@code features} with {@code labels}.
     *
     * @throws TrainingException if fewer than two customers remain or one outcome is missing: {@code model}
     *     cannot learn a propensity from one class
     */
    public static LabelledRows of(String model, FeatureTable features, Map<String, Float> labels) {
        List<FeatureVector> rows = new ArrayList<>();
        List<Float> values = new ArrayList<>();
        int positives = 0;
        for (FeatureVector row : features.rows()) {
            Float label = labels.get(row.customerId());
            if (label == null) {
                continue;
            }
            if (label != 0f && label != 1f) {
                throw new TrainingException("Model '" + model + "' needs labels 0 or 1, got " + label);
            }
            rows.add(row);
            values.add(label);
            positives += label == 1f ? 1 : 0;
        }
        if (positives == 0 || positives == rows.size()) {
            throw new TrainingException("Model '" + model + "' needs customers of both outcomes with features; got "
                    + positives + " positives among " + rows.size() + " labelled customers (" + features.size()
                    + " feature rows, " + labels.size() + " labels). Pass TrainingData with labels()");
        }
        float[] array = new float[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return new LabelledRows(rows, array);
    }

    public int size() {
        return rows.size();
    }

    /** Returns the share of positive rows. */
    public double positiveRate() {
        double sum = 0;
        for (float label : labels) {
            sum += label;
        }
        return sum / labels.length;
    }
}
