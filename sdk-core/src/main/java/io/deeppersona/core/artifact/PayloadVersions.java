package io.deeppersona.core.artifact;

import io.deeppersona.api.error.ArtifactException;
import io.deeppersona.api.error.IncompatibleArtifactException;

/** The one check every {@code ModelProvider.load} makes on the payload version it is handed. */
public final class PayloadVersions {
    private PayloadVersions() {
    }

    /**
     * Refuses payload versions this SDK cannot read, naming the provider.
     *
     * @param supported the newest version the provider reads (it reads 1..supported)
     * @param module what to upgrade to read newer payloads, e.g. {@code "sdk-core"}
     * @throws IncompatibleArtifactException if {@code payloadVersion} is newer than {@code supported}
     * @throws ArtifactException if {@code payloadVersion} is below 1
     */
    public static void check(String provider, int payloadVersion, int supported, String module) {
        if (payloadVersion > supported) {
            throw new IncompatibleArtifactException("Model payload of provider '" + provider + "' has payloadVersion "
                    + payloadVersion + ", newer than this SDK supports (max " + supported + "); upgrade " + module);
        }
        if (payloadVersion < 1) {
            throw new ArtifactException("Model payload of provider '" + provider + "' has payloadVersion "
                    + payloadVersion + "; expected 1.." + supported);
        }
    }
}
