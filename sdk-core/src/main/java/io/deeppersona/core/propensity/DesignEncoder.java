package io.deeppersona.core.propensity;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.FeatureVector;
import io.deeppersona.api.error.PredictionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a feature vector into the sparse design row of a linear model: column 0 the intercept, then the
 * standardised values of the numeric fields, then one column per (sequence field, token) seen in training. Tokens
 * unseen in training contribute nothing, which is what one-hot encoding with an implicit "other" does.
 *
 * @param numericFields the numeric fields, in column order
 * @param means mean per numeric column (training rows)
 * @param scales standard deviation per numeric column, 1 where it was 0
 * @param oneHotFields the item-sequence fields whose tokens are one-hot encoded
 * @param tokens column offset (from the first one-hot column) of {@code field + "\u0000" + token}
 */
record DesignEncoder(List<String> numericFields, double[] means, double[] scales, List<String> oneHotFields,
        Map<String, Integer> tokens) {
    DesignEncoder {
        numericFields = List.copyOf(requireNonNull(numericFields, "numericFields is null"));
        oneHotFields = List.copyOf(requireNonNull(oneHotFields, "oneHotFields is null"));
        tokens = Map.copyOf(requireNonNull(tokens, "tokens is null"));
        if (means.length != scales.length) {
            throw new IllegalArgumentException(means.length + " means but " + scales.length + " scales");
        }
    }

    /** A sparse row: the non-zero columns and their values. */
    record Row(int[] columns, double[] values) {
    }

    static DesignEncoder fit(List<FeatureVector> rows, List<String> numericFields, List<String> oneHotFields) {
        int width = 0;
        FeatureVector first = rows.get(0);
        for (String field : numericFields) {
            width += first.numeric(field).length;
        }
        double[] sum = new double[width];
        double[] sumSquares = new double[width];
        Map<String, Integer> tokens = new LinkedHashMap<>();
        for (FeatureVector row : rows) {
            int column = 0;
            for (String field : numericFields) {
                for (float value : row.numeric(field)) {
                    sum[column] += value;
                    sumSquares[column] += (double) value * value;
                    column++;
                }
            }
            for (String field : oneHotFields) {
                for (String token : row.sequence(field)) {
                    tokens.putIfAbsent(field + '\u0000' + token, tokens.size());
                }
            }
        }
        double[] means = new double[width];
        double[] scales = new double[width];
        for (int column = 0; column < width; column++) {
            means[column] = sum[column] / rows.size();
            double variance = Math.max(0, sumSquares[column] / rows.size() - means[column] * means[column]);
            scales[column] = variance > 1e-12 ? Math.sqrt(variance) : 1;
        }
        return new DesignEncoder(numericFields, means, scales, oneHotFields, tokens);
    }

    /** Returns the number of columns, the intercept included. */
    int width() {
        return 1 + means.length + tokens.size();
    }

    Row encode(FeatureVector vector) {
        List<Integer> columns = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        columns.add(0);
        values.add(1.0);
        int column = 0;
        for (String field : numericFields) {
            float[] numbers = numeric(vector, field);
            for (float value : numbers) {
                if (column >= means.length) {
                    throw new PredictionException("numeric feature '" + field + "' has more values than in training");
                }
                columns.add(1 + column);
                values.add((value - means[column]) / scales[column]);
                column++;
            }
        }
        if (column != means.length) {
            throw new PredictionException("numeric features " + numericFields + " have " + column
                    + " values; the model was trained on " + means.length);
        }
        int offset = 1 + means.length;
        for (String field : oneHotFields) {
            for (String token : sequence(vector, field)) {
                Integer index = tokens.get(field + '\u0000' + token);
                if (index != null) {
                    columns.add(offset + index);
                    values.add(1.0);
                }
            }
        }
        int[] columnArray = columns.stream().mapToInt(Integer::intValue).toArray();
        double[] valueArray = values.stream().mapToDouble(Double::doubleValue).toArray();
        return new Row(columnArray, valueArray);
    }

    private static float[] numeric(FeatureVector vector, String field) {
        float[] values = vector.numeric().get(field);
        if (values == null) {
            throw new PredictionException("feature vector lacks numeric feature '" + field + "'; present: "
                    + vector.numeric().keySet());
        }
        return values;
    }

    private static List<String> sequence(FeatureVector vector, String field) {
        List<String> values = vector.sequences().get(field);
        if (values == null) {
            throw new PredictionException("feature vector lacks sequence feature '" + field + "'; present: "
                    + vector.sequences().keySet());
        }
        return values;
    }
}
