package io.deeppersona.api.artifact;

import static java.util.Objects.requireNonNull;

/**
 * Which provider reads an artifact's payload, and in which of its versions it was written.
 *
 * @param provider the provider's stable name; resolved through the plugin registry, never as a class name
 * @param payloadVersion the provider's payload version
 * @since 0.1
 */
public record ModelReference(String provider, int payloadVersion) {
    public ModelReference {
        requireNonNull(provider, "provider is null");
        if (payloadVersion < 1) {
            throw new IllegalArgumentException("payloadVersion must be >= 1, got " + payloadVersion);
        }
    }
}
