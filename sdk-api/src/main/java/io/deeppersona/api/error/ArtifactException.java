package io.deeppersona.api.error;

/**
 * A model artifact is unreadable or corrupt: a missing file, a checksum or size mismatch, an unsafe path.
 *
 * @since 0.1
 */
public class ArtifactException extends PersonalizationException {
    public ArtifactException(String message) {
        super(ErrorCode.ARTIFACT_INVALID, message);
    }

    public ArtifactException(String message, Throwable cause) {
        super(ErrorCode.ARTIFACT_INVALID, message, cause);
    }

    protected ArtifactException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
