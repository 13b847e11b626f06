package io.deeppersona.spi;

import io.deeppersona.api.artifact.ArtifactReader;
import java.util.Map;
import java.util.Set;

/**
 * Makes trainers and loads models of one kind. Cheap to construct, stateless, thread-safe.
 *
 * @since 0.1
 */
public interface ModelProvider {
    /** Stable id used in configs and manifests, e.g. {@code "ease"}. */
    String name();

    /** Newest payload version this provider writes; it reads every version from 1 up to this. */
    int payloadVersion();

    /** Returns what models of this kind can do. */
    Set<ModelCapability> capabilities();

    /**
     * Returns a trainer configured by {@code options}.
     *
     * @throws io.deeppersona.api.error.ConfigurationException on unknown or invalid options
     */
    ModelTrainer newTrainer(Map<String, Object> options, ProviderContext context);

    /**
     * Loads a model saved by {@link Model#save}.
     *
     * @throws io.deeppersona.api.error.IncompatibleArtifactException if {@code payloadVersion} is newer than
     *     {@link #payloadVersion()}; the message names this provider
     * @throws io.deeppersona.api.error.ArtifactException if the payload is corrupt
     */
    Model load(ArtifactReader payload, int payloadVersion, ProviderContext context);
}
