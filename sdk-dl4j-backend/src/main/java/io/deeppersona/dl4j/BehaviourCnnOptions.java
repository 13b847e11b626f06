package io.deeppersona.dl4j;

import io.deeppersona.dl4j.internal.PropensityOptionChecks;

/**
 * Options of {@code behaviour-cnn}; absent keys keep the defaults, which train in seconds on a few thousand
 * customers.
 *
 * @param filters convolution filters; default 16
 * @param kernelHeight kernel size along time buckets; default 3
 * @param kernelWidth kernel size along categories; default 3
 * @param hidden units of the dense layers; default 32
 * @param learningRate Adam's step size; default 0.001
 * @param l2 weight decay; default 0.0001
 * @param epochs most epochs; default 30
 * @param batchSize customers per mini-batch; default 64
 * @param validationFraction share of training customers held out for early stopping, stratified; default 0.1
 * @param patience epochs without validation log-loss gain before stopping; default 4
 * @param seed seed of initialisation, shuffling and the hold-out; default 42
 * @param matrixFeature the behaviour-matrix field; default {@code "behaviour_matrix"}
 * @param denseFeature the dense field beside it; default {@code "rfm"}
 */
public record BehaviourCnnOptions(Integer filters, Integer kernelHeight, Integer kernelWidth, Integer hidden,
        Double learningRate, Double l2, Integer epochs, Integer batchSize, Double validationFraction,
        Integer patience, Long seed, String matrixFeature, String denseFeature) {
    public BehaviourCnnOptions {
        filters = PropensityOptionChecks.positive("filters", filters, 16);
        kernelHeight = PropensityOptionChecks.positive("kernelHeight", kernelHeight, 3);
        kernelWidth = PropensityOptionChecks.positive("kernelWidth", kernelWidth, 3);
        hidden = PropensityOptionChecks.positive("hidden", hidden, 32);
        learningRate = PropensityOptionChecks.rate("learningRate", learningRate, 1e-3);
        l2 = PropensityOptionChecks.nonNegative("l2", l2, 1e-4);
        epochs = PropensityOptionChecks.positive("epochs", epochs, 30);
        batchSize = PropensityOptionChecks.positive("batchSize", batchSize, 64);
        validationFraction = PropensityOptionChecks.fraction("validationFraction", validationFraction, 0.1);
        patience = PropensityOptionChecks.positive("patience", patience, 4);
        seed = seed == null ? 42L : seed;
        matrixFeature = PropensityOptionChecks.name("matrixFeature", matrixFeature, "behaviour_matrix");
        denseFeature = PropensityOptionChecks.name("denseFeature", denseFeature, "rfm");
    }

    /** The defaults. */
    public static BehaviourCnnOptions defaults() {
        return new BehaviourCnnOptions(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
