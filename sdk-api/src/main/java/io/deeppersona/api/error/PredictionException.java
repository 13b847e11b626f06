package io.deeppersona.api.error;

/**
 * A trained model could not answer: schema mismatch, unknown input, or a closed model.
 *
 * @since 0.1
 */
public class PredictionException extends PersonalizationException {
    public PredictionException(String message) {
        super(ErrorCode.PREDICTION_FAILED, message);
    }

    public PredictionException(String message, Throwable cause) {
        super(ErrorCode.PREDICTION_FAILED, message, cause);
    }

}
