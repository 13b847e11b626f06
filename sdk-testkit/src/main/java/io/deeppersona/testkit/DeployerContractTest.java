package io.deeppersona.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.RecommendationQuery;
import io.deeppersona.api.error.ArtifactException;
import io.deeppersona.api.error.DeploymentException;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.core.artifact.ModelArtifacts;
import io.deeppersona.spi.DeployedVersion;
import io.deeppersona.spi.Deployer;
import io.deeppersona.spi.DeployerProvider;
import io.deeppersona.spi.Model;
import io.deeppersona.spi.ModelProvider;
import io.deeppersona.spi.ProviderContext;
import io.deeppersona.testkit.fakes.FakeModel;
import io.deeppersona.testkit.fakes.FakeModelProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link DeployerProvider} must meet. A plugin author's whole test:
 *
 * <pre>{@code
 * class JdbcDeployerContractTest extends DeployerContractTest {
 *     @Override protected DeployerProvider provider() { return new JdbcDeployerProvider(); }
 *     @Override protected Map<String, Object> options(Path root) { return Map.of("url", "jdbc:h2:" + root); }
 * }
 * }</pre>
 *
 * <p>Artifacts are made with {@link FakeModelProvider} and {@link ModelArtifacts}, so no real model trains.
 */
public abstract class DeployerContractTest {
    private static final Instant NOW = Instant.parse("2025-01-31T09:12:00Z");

    @TempDir
    protected Path dir;

    private int artifacts;

    /** Returns the provider under test. */
    protected abstract DeployerProvider provider();

    /** Returns options that make a deployer keeping its state under {@code root} (an empty folder). */
    protected abstract Map<String, Object> options(Path root);

    /** Returns the context deployers and artifacts are made with; a fixed clock by default. */
    protected ProviderContext context() {
        return DefaultProviderContext.create(Clock.fixed(NOW, ZoneOffset.UTC), Map.of());
    }

    /** Saves a fake model ranking {@code ranking} with a {@code hitRate@10} validation score, as a folder. */
    protected Path artifact(double hitRate, String... ranking) {
        Path artifact = dir.resolve("artifact-" + artifacts++);
        ModelArtifacts.save(new FakeModel(List.of(ranking), Map.of("hitRate@10", hitRate)), artifact,
                Map.of("source", "deployer-contract"), context());
        return artifact;
    }

    /** Flips one byte of the payload of an artifact made by {@link #artifact}, keeping its size. */
    protected void corrupt(Path artifact) throws IOException {
        Path payload = artifact.resolve(ModelArtifacts.MODEL_DIR).resolve(FakeModel.PAYLOAD);
        byte[] bytes = Files.readAllBytes(payload);
        bytes[bytes.length - 1] ^= 1;
        Files.write(payload, bytes);
    }

    private Deployer newDeployer() {
        return provider().create(options(dir.resolve("deployer")), context());
    }

    private static String activeVersion(Deployer deployer) {
        return deployer.active().map(DeployedVersion::version).orElse("<none>");
    }

    @Test
    void nameIsLowerKebab() {
        assertThat(provider().name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
    }

    @Test
    void isRegisteredForServiceLoader() {
        assertThat(ServiceLoader.load(DeployerProvider.class, provider().getClass().getClassLoader()).stream()
                .map(ServiceLoader.Provider::type))
                .contains(provider().getClass());
    }

    @Test
    void startsWithNothingActive() {
        Deployer deployer = newDeployer();

        assertThat(deployer.active()).isEmpty();
        assertThat(deployer.versions()).isEmpty();
    }

    @Test
    void deployActivatesTheNewVersion() {
        Deployer deployer = newDeployer();
        DeployedVersion first = deployer.deploy(artifact(0.1, "a", "b"));
        DeployedVersion second = deployer.deploy(artifact(0.2, "b", "a"));

        assertThat(second.active()).isTrue();
        assertThat(second.version()).isNotEqualTo(first.version());
        assertThat(second.provider()).isEqualTo(FakeModelProvider.NAME);
        assertThat(activeVersion(deployer)).isEqualTo(second.version());
    }

    @Test
    void deployedArtifactLoadsAndRecommendsTheSame() {
        Deployer deployer = newDeployer();
        DeployedVersion deployed = deployer.deploy(artifact(0.1, "x", "y", "z"));
        ModelProvider fake = new FakeModelProvider();

        try (Model model = ModelArtifacts.load(deployer.artifactPath(deployed.version()),
                name -> name.equals(fake.name()) ? Optional.of(fake) : Optional.empty(), context())) {
            assertThat(model.recommend(RecommendationQuery.of("c1", List.of(), 2)))
                    .extracting(r -> r.itemId()).containsExactly("x", "y");
        }
    }

    @Test
    void corruptDeployLeavesThePreviousVersionActive() throws IOException {
        Deployer deployer = newDeployer();
        DeployedVersion good = deployer.deploy(artifact(0.1, "a"));
        Path bad = artifact(0.9, "b");
        corrupt(bad);

        assertThatThrownBy(() -> deployer.deploy(bad)).isInstanceOf(ArtifactException.class);
        assertThat(activeVersion(deployer)).isEqualTo(good.version());
        assertThat(deployer.versions()).extracting(DeployedVersion::version).containsExactly(good.version());
    }

    @Test
    void rollbackReactivatesThePreviousVersion() {
        Deployer deployer = newDeployer();
        DeployedVersion first = deployer.deploy(artifact(0.1, "a"));
        deployer.deploy(artifact(0.2, "b"));

        DeployedVersion restored = deployer.rollback();

        assertThat(restored.version()).isEqualTo(first.version());
        assertThat(restored.active()).isTrue();
        assertThat(activeVersion(deployer)).isEqualTo(first.version());
    }

    @Test
    void rollbackWithoutAnEarlierVersionFails() {
        Deployer deployer = newDeployer();
        deployer.deploy(artifact(0.1, "a"));

        assertThatThrownBy(deployer::rollback).isInstanceOf(DeploymentException.class);
    }

    @Test
    void versionsAreListedOldestFirstWithTheirScores() {
        Deployer deployer = newDeployer();
        DeployedVersion first = deployer.deploy(artifact(0.1, "a"));
        DeployedVersion second = deployer.deploy(artifact(0.3, "b"));
        DeployedVersion third = deployer.deploy(artifact(0.2, "c"));

        assertThat(deployer.versions()).extracting(DeployedVersion::version)
                .containsExactly(first.version(), second.version(), third.version());
        assertThat(deployer.versions()).extracting(v -> v.validationScores().get("hitRate@10"))
                .containsExactly(0.1, 0.3, 0.2);
        assertThat(deployer.versions()).filteredOn(DeployedVersion::active).extracting(DeployedVersion::version)
                .containsExactly(third.version());
    }

    @Test
    void activatingAnUnknownVersionFailsAndChangesNothing() {
        Deployer deployer = newDeployer();
        DeployedVersion good = deployer.deploy(artifact(0.1, "a"));

        assertThatThrownBy(() -> deployer.activate("no-such-version")).isInstanceOf(DeploymentException.class);
        assertThat(activeVersion(deployer)).isEqualTo(good.version());
    }

    @Test
    void aSecondDeployerOnTheSameStateSeesTheSameActiveVersion() {
        Deployer deployer = newDeployer();
        deployer.deploy(artifact(0.1, "a"));
        DeployedVersion latest = deployer.deploy(artifact(0.2, "b"));

        assertThat(activeVersion(newDeployer())).isEqualTo(latest.version());
    }
}
