package io.deeppersona.spi;

import java.util.Map;

/**
 * Hears how training goes: for progress bars, logs and host dashboards. Every method has an empty default, so a
 * host implements only what it shows. Called from the training thread; implementations must be quick and must not
 * throw.
 *
 * @since 0.1
 */
public interface TrainingListener {
    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };

    /**
     * Training of {@code model} starts.
     *
     * @param maxEpochs the most epochs it may run (early stopping may end it sooner)
     * @param samplesPerEpoch training samples in one epoch, or 0 when unknown
     */
    default void onTrainingStart(String model, int maxEpochs, long samplesPerEpoch) {
    }

    /** A mini-batch finished: {@code samplesDone} samples of {@code epoch} (1-based) so far, with its loss. */
    default void onBatch(String model, int epoch, long samplesDone, double loss) {
    }

    /**
     * An epoch finished.
     *
     * @param loss the epoch's mean training loss
     * @param validation validation metrics after this epoch (e.g. {@code ndcg@10}), empty when not validated
     */
    default void onEpochEnd(String model, int epoch, double loss, Map<String, Double> validation) {
    }

    /** Training ended; {@code summary} says why (e.g. "early stop: no ndcg@10 gain for 3 epochs; best epoch 5"). */
    default void onTrainingEnd(String model, String summary) {
    }
}
