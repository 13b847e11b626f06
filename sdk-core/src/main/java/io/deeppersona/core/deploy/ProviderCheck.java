package io.deeppersona.core.deploy;

import io.deeppersona.api.artifact.ArtifactManifest;
import io.deeppersona.api.artifact.ModelReference;
import io.deeppersona.api.error.IncompatibleArtifactException;
import io.deeppersona.spi.ModelProvider;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Refuses a version that this process could not load: its model provider is not registered, or writes an older
 * payload version than the artifact has. The provider is looked up by the manifest's name through the host's
 * registry; the name is never used as a class name.
 */
final class ProviderCheck {
    private ProviderCheck() {
    }

    /**
     * @throws IncompatibleArtifactException if the provider is unknown or too old for the artifact's payload
     */
    static void requireLoadable(ArtifactManifest manifest, Path artifact, String action,
            Function<String, Optional<ModelProvider>> providers) {
        ModelReference model = manifest.model();
        Optional<ModelProvider> provider = providers.apply(model.provider());
        if (provider == null || provider.isEmpty()) {
            throw new IncompatibleArtifactException("Cannot " + action + " " + artifact + ": its model provider '"
                    + model.provider() + "' is not registered; add the module that provides it to the class path"
                    + " (and to the registry); the previously active version stays active");
        }
        int supported = provider.get().payloadVersion();
        if (model.payloadVersion() > supported) {
            throw new IncompatibleArtifactException("Cannot " + action + " " + artifact + ": its payloadVersion "
                    + model.payloadVersion() + " of model '" + model.provider() + "' is newer than this provider"
                    + " reads (max " + supported + "); upgrade the module that provides '" + model.provider()
                    + "'; the previously active version stays active");
        }
    }
}
