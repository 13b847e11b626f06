package io.deeppersona.api.error;

/**
 * Training failed: divergence, NaN loss, or a backend failure (the backend's exception is the cause).
 *
 * @since 0.1
 */
public class TrainingException extends PersonalizationException {
    public TrainingException(String message) {
        super(ErrorCode.TRAINING_FAILED, message);
    }

    public TrainingException(String message, Throwable cause) {
        super(ErrorCode.TRAINING_FAILED, message, cause);
    }

}
