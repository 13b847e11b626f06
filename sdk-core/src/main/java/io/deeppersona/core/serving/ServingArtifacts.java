package io.deeppersona.core.serving;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.artifact.ArtifactManifest;
import io.deeppersona.api.error.ArtifactException;
import io.deeppersona.api.error.DeploymentException;
import io.deeppersona.core.PluginRegistry;
import io.deeppersona.core.artifact.ModelArtifacts;
import io.deeppersona.spi.DeployedVersion;
import io.deeppersona.spi.Deployer;
import io.deeppersona.spi.Model;
import io.deeppersona.spi.ProviderContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Saves a model with its {@link ServingBundle} as one deployable artifact, and reads the bundle back:
 *
 * <pre>
 * manifest.json                 lists and hashes every file below
 * model/...                     the model's payload
 * serving/bundle.json           layout version, history length, segment attribute, segments, campaigns
 * serving/items.jsonl           one item a line: id, title, categories, price, popularity
 * serving/customers.jsonl       one customer a line: id, segment, recent and purchased item indices
 * serving/segments.jsonl        one segment a line: its most popular item indices and their counts
 * serving/neighbours.jsonl      one item a line: its co-purchase neighbours and cosine similarities
 * serving/campaigns/NAME/features.jsonl   one customer's FeatureVector a line, as of the end of the data
 * serving/campaigns/NAME/model/...        the campaign's propensity model payload
 * </pre>
 *
 * <pre>{@code
 * DeployedVersion v = ServingArtifacts.deploy(model, bundle, deployer, Map.of("dataSource", "csv"), context);
 * }</pre>
 */
public final class ServingArtifacts {
    private ServingArtifacts() {
    }

    /**
     * Saves {@code model} and {@code bundle} into {@code dir} (absent or empty).
     *
     * @throws ArtifactException if the folder is not empty or a file cannot be written
     */
    public static ArtifactManifest save(Model model, ServingBundle bundle, Path dir, Map<String, Object> provenance,
            ProviderContext context) {
        requireNonNull(bundle, "bundle is null");
        try {
            return ModelArtifacts.save(model, dir, null, provenance, context,
                    writer -> ServingBundleFiles.write(bundle, writer));
        } catch (UncheckedIOException e) {
            throw new ArtifactException("Cannot save the serving bundle to " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Saves {@code model} and {@code bundle} into a temporary folder, deploys it (which verifies and activates it)
     * and deletes the temporary folder.
     *
     * @return the new active version
     * @throws DeploymentException if the deploy fails; the previous version stays active
     */
    public static DeployedVersion deploy(Model model, ServingBundle bundle, Deployer deployer,
            Map<String, Object> provenance, ProviderContext context) {
        requireNonNull(deployer, "deployer is null");
        Path temp;
        try {
            temp = Files.createTempDirectory("deeppersona-artifact-");
        } catch (IOException e) {
            throw new DeploymentException("Cannot create a temporary folder for the artifact: " + e, e);
        }
        try {
            Path artifact = temp.resolve("artifact");
            save(model, bundle, artifact, provenance, context);
            return deployer.deploy(artifact);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Reads the serving bundle of the artifact in {@code dir}, after verifying the artifact.
     *
     * @throws ArtifactException if the artifact fails verification, has no bundle, or the bundle is inconsistent
     */
    public static ServingBundle readBundle(Path dir, PluginRegistry registry, ProviderContext context) {
        requireNonNull(registry, "registry is null");
        requireNonNull(context, "context is null");
        ModelArtifacts.verify(dir);
        return readVerified(dir, registry, context);
    }

    static ServingBundle readVerified(Path dir, PluginRegistry registry, ProviderContext context) {
        if (!ServingBundleFiles.present(dir)) {
            throw new ArtifactException("Artifact " + dir + " has no serving bundle (" + ServingBundleFiles.DIR
                    + "/bundle.json); save it with ServingArtifacts.save(model, bundle, ...)");
        }
        return ServingBundleFiles.read(dir, registry::findModel, context);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder is only disk space; the deploy's own outcome matters more.
        }
    }
}
