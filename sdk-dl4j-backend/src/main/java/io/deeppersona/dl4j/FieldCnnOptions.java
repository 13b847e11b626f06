package io.deeppersona.dl4j;

import io.deeppersona.dl4j.internal.PropensityOptionChecks;

/**
 * Options of {@code field-cnn}; absent keys keep the defaults, small enough to train on tens of thousands of rows
 * in seconds.
 *
 * @param embedding embedding size d per field token; default 8
 * @param filters1 filters of the first convolution; default 8
 * @param filters2 filters of the second convolution; default 8
 * @param width1 kernel width (fields) of the first convolution; default 3
 * @param width2 kernel width of the second convolution; default 3
 * @param hidden units of the layer before the output; default 32
 * @param learningRate Adam's step size; default 0.002
 * @param l2 weight decay; default 0.0001
 * @param epochs most epochs; default 20
 * @param batchSize rows per mini-batch; default 256
 * @param validationFraction share of training rows held out for early stopping, stratified; default 0.1
 * @param patience epochs without validation log-loss gain before stopping; default 3
 * @param seed seed of initialisation, shuffling and the hold-out; default 42
 * @param fieldFeature the item-sequence feature of field tokens; default {@code "fields"}
 */
public record FieldCnnOptions(Integer embedding, Integer filters1, Integer filters2, Integer width1, Integer width2,
        Integer hidden, Double learningRate, Double l2, Integer epochs, Integer batchSize, Double validationFraction,
        Integer patience, Long seed, String fieldFeature) {
    public FieldCnnOptions {
        embedding = PropensityOptionChecks.positive("embedding", embedding, 8);
        filters1 = PropensityOptionChecks.positive("filters1", filters1, 8);
        filters2 = PropensityOptionChecks.positive("filters2", filters2, 8);
        width1 = PropensityOptionChecks.positive("width1", width1, 3);
        width2 = PropensityOptionChecks.positive("width2", width2, 3);
        hidden = PropensityOptionChecks.positive("hidden", hidden, 32);
        learningRate = PropensityOptionChecks.rate("learningRate", learningRate, 2e-3);
        l2 = PropensityOptionChecks.nonNegative("l2", l2, 1e-4);
        epochs = PropensityOptionChecks.positive("epochs", epochs, 20);
        batchSize = PropensityOptionChecks.positive("batchSize", batchSize, 256);
        validationFraction = PropensityOptionChecks.fraction("validationFraction", validationFraction, 0.1);
        patience = PropensityOptionChecks.positive("patience", patience, 3);
        seed = seed == null ? 42L : seed;
        fieldFeature = PropensityOptionChecks.name("fieldFeature", fieldFeature, "fields");
    }

    /** The defaults. */
    public static FieldCnnOptions defaults() {
        return new FieldCnnOptions(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
