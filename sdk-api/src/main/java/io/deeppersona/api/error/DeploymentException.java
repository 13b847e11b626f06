package io.deeppersona.api.error;

/**
 * A model could not be deployed, activated or rolled back; the previously active version stays active.
 *
 * @since 0.1
 */
public class DeploymentException extends PersonalizationException {
    public DeploymentException(String message) {
        super(ErrorCode.DEPLOYMENT_FAILED, message);
    }

    public DeploymentException(String message, Throwable cause) {
        super(ErrorCode.DEPLOYMENT_FAILED, message, cause);
    }

}
