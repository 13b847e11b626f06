package io.deeppersona.dl4j.internal;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A binary-outcome network over in-memory rows, whatever its DL4J shape (layer stack or graph): what
 * {@link PropensityTraining} needs to run epochs, validate and keep the best weights.
 */
public interface PropensityNetwork {
    /** Fits one mini-batch of the given training rows and returns its loss. */
    double fit(int[] rows);

    /** Returns the probability of every given row. */
    double[] predict(int[] rows);

    /** Returns a copy of all parameters. */
    INDArray parameters();

    /** Replaces all parameters. */
    void parameters(INDArray values);
}
