package io.deeppersona.api.error;

/**
 * An artifact is well formed but this SDK cannot read it: a newer format or payload version, or an unknown provider.
 *
 * @since 0.1
 */
public class IncompatibleArtifactException extends ArtifactException {
    public IncompatibleArtifactException(String message) {
        super(ErrorCode.ARTIFACT_INCOMPATIBLE, message, null);
    }
}
