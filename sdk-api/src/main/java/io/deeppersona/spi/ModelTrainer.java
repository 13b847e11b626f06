package io.deeppersona.spi;

/**
 * Trains one model from data. Single-use unless the implementation says otherwise.
 *
 * @since 0.1
 */
public interface ModelTrainer {
    /**
     * Trains a model.
     *
     * @throws io.deeppersona.api.error.TrainingException if training fails or diverges
     */
    Model train(TrainingData data);
}
