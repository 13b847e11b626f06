package io.deeppersona.dl4j.internal;

import io.deeppersona.api.FeatureVector;
import io.deeppersona.api.error.PredictionException;
import java.util.List;
import java.util.function.Function;

/**
 * Scores feature vectors in fixed-size batches, so a propensity model pays DL4J's per-call overhead once per batch
 * rather than once per customer, and turns a backend failure into a {@link PredictionException} naming the model.
 */
public final class PropensityBatches {
    /** Rows per forward pass: large enough to amortise the call, small enough to keep activations modest. */
    public static final int SIZE = 1024;

    private PropensityBatches() {
    }

    /**
     * Returns one score per vector, in order.
     *
     * @param model the model's name, for error messages
     * @param scoreBatch scores one batch (at most {@link #SIZE} vectors), returning one score per vector
     */
    public static double[] score(String model, List<FeatureVector> features,
            Function<List<FeatureVector>, double[]> scoreBatch) {
        double[] scores = new double[features.size()];
        for (int from = 0; from < scores.length; from += SIZE) {
            int to = Math.min(from + SIZE, scores.length);
            double[] batch;
            try {
                batch = scoreBatch.apply(features.subList(from, to));
            } catch (PredictionException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new PredictionException(model + " could not score: " + e.getMessage(), e);
            }
            System.arraycopy(batch, 0, scores, from, to - from);
        }
        return scores;
    }
}
