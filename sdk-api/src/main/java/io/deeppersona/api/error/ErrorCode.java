package io.deeppersona.api.error;

import static java.util.Objects.requireNonNull;

/**
 * Stable, machine-readable error codes. Names never change once released, so hosts may switch on them.
 *
 * @since 0.1
 */
public enum ErrorCode {
    CONFIGURATION_INVALID(ErrorCategory.USER),
    PLUGIN_NOT_FOUND(ErrorCategory.USER),
    PLUGIN_BROKEN(ErrorCategory.USER),
    DATA_INVALID(ErrorCategory.USER),
    DATA_SOURCE_FAILED(ErrorCategory.EXTERNAL),
    ARTIFACT_INVALID(ErrorCategory.USER),
    ARTIFACT_INCOMPATIBLE(ErrorCategory.USER),
    DEPLOYMENT_FAILED(ErrorCategory.EXTERNAL),
    TRAINING_FAILED(ErrorCategory.INTERNAL),
    PREDICTION_FAILED(ErrorCategory.USER);

    private final ErrorCategory category;

    ErrorCode(ErrorCategory category) {
        this.category = requireNonNull(category, "category is null");
    }

    /** Returns who has to act on an error with this code. */
    public ErrorCategory category() {
        return category;
    }
}
