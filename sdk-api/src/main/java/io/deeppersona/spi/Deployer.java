package io.deeppersona.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A registry of versioned model artifacts with one active version. Activation is atomic: a failed or
 * interrupted deploy or activation leaves the previous version active. Thread-safe.
 *
 * @since 0.1
 */
public interface Deployer {
    /**
     * Verifies the artifact (manifest, sizes, hashes, versions), stores it as a new immutable version and
     * activates it.
     *
     * @throws io.deeppersona.api.error.ArtifactException if verification fails; nothing changes
     * @throws io.deeppersona.api.error.DeploymentException if storing or activating fails; nothing changes
     */
    DeployedVersion deploy(Path artifact);

    /** Makes {@code version} the active one. */
    DeployedVersion activate(String version);

    /** Re-activates the version that was active before the current one. */
    DeployedVersion rollback();

    /** Returns the active version, if any. */
    Optional<DeployedVersion> active();

    /** Returns every stored version, oldest first. */
    List<DeployedVersion> versions();

    /** Returns the folder holding {@code version}'s verified artifact, for loading. */
    Path artifactPath(String version);
}
