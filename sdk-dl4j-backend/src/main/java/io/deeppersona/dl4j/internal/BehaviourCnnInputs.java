package io.deeppersona.dl4j.internal;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.FeatureField;
import io.deeppersona.api.FeatureSchema;
import io.deeppersona.api.FeatureVector;
import io.deeppersona.api.error.PredictionException;
import io.deeppersona.api.error.TrainingException;
import java.util.List;

/**
 * Turns a customer's features into the behaviour CNN's two inputs: the behaviour matrix, stored row-major as
 * {@code [bucket][category][type]}, becomes an NCHW image with event types as channels; the dense vector (RFM) is
 * standardised with the training rows' mean and deviation. Saved with the model as JSON.
 *
 * @param matrixField the numeric field of shape {@code [buckets, categories, types]}
 * @param height buckets
 * @param width categories
 * @param channels event types
 * @param denseField the numeric vector beside the image
 * @param means mean per dense entry
 * @param scales deviation per dense entry, 1 where it was 0
 */
public record BehaviourCnnInputs(String matrixField, int height, int width, int channels, String denseField,
        double[] means, double[] scales) {
    public BehaviourCnnInputs {
        requireNonNull(matrixField, "matrixField is null");
        requireNonNull(denseField, "denseField is null");
        requireNonNull(means, "means is null");
        requireNonNull(scales, "scales is null");
        if (height < 1 || width < 1 || channels < 1 || means.length != scales.length || means.length < 1) {
            throw new IllegalArgumentException("behaviour CNN inputs need a positive image shape and a dense vector, "
                    + "got " + height + "x" + width + "x" + channels + " and " + means.length + " means");
        }
    }

    /** Learns the image shape from the schema and the dense scaling from the training rows. */
    public static BehaviourCnnInputs fit(FeatureSchema schema, List<FeatureVector> rows, String matrixField,
            String denseField) {
        FeatureField matrix = schema.field(matrixField).orElseThrow(() -> new TrainingException(
                "behaviour-cnn needs numeric feature '" + matrixField + "' [buckets, categories, types]; the "
                        + "features hold " + schema.fields().stream().map(FeatureField::name).toList()
                        + ". Add the 'behaviour-matrix' extractor"));
        if (matrix.shape().size() != 3) {
            throw new TrainingException("behaviour-cnn needs '" + matrixField + "' of shape [buckets, categories, "
                    + "types], got " + matrix.shape());
        }
        FeatureField dense = schema.field(denseField).orElseThrow(() -> new TrainingException(
                "behaviour-cnn needs numeric feature '" + denseField + "'; add the 'rfm' extractor or set option "
                        + "'denseFeature'"));
        int width = dense.width();
        double[] sum = new double[width];
        double[] squares = new double[width];
        for (FeatureVector row : rows) {
            float[] values = row.numeric(denseField);
            for (int i = 0; i < width; i++) {
                sum[i] += values[i];
                squares[i] += (double) values[i] * values[i];
            }
        }
        double[] means = new double[width];
        double[] scales = new double[width];
        for (int i = 0; i < width; i++) {
            means[i] = sum[i] / rows.size();
            double variance = Math.max(0, squares[i] / rows.size() - means[i] * means[i]);
            scales[i] = variance > 1e-12 ? Math.sqrt(variance) : 1;
        }
        return new BehaviourCnnInputs(matrixField, matrix.shape().get(0), matrix.shape().get(1),
                matrix.shape().get(2), denseField, means, scales);
    }

    /** Returns the image in NCHW order: {@code [type][bucket][category]}. */
    public float[] image(FeatureVector vector) {
        float[] values = vector.numeric().get(matrixField);
        int size = height * width * channels;
        if (values == null || values.length != size) {
            throw new PredictionException("behaviour-cnn needs numeric feature '" + matrixField + "' of " + size
                    + " values, got " + (values == null ? "none" : values.length));
        }
        float[] image = new float[size];
        for (int h = 0; h < height; h++) {
            for (int w = 0; w < width; w++) {
                for (int c = 0; c < channels; c++) {
                    image[(c * height + h) * width + w] = values[(h * width + w) * channels + c];
                }
            }
        }
        return image;
    }

    public float[] dense(FeatureVector vector) {
        float[] values = vector.numeric().get(denseField);
        if (values == null || values.length != means.length) {
            throw new PredictionException("behaviour-cnn needs numeric feature '" + denseField + "' of "
                    + means.length + " values, got " + (values == null ? "none" : values.length));
        }
        float[] scaled = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            scaled[i] = (float) ((values[i] - means[i]) / scales[i]);
        }
        return scaled;
    }
}
