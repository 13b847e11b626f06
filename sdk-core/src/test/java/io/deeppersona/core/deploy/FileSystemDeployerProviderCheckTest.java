package io.deeppersona.core.deploy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.deeppersona.api.error.IncompatibleArtifactException;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.core.PluginRegistry;
import io.deeppersona.core.artifact.FixedRankingModelProvider;
import io.deeppersona.core.artifact.ModelArtifacts;
import io.deeppersona.spi.DeployedVersion;
import io.deeppersona.spi.ModelProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The refusals that need to know the model providers: unknown provider, newer payload version. */
class FileSystemDeployerProviderCheckTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-02-01T08:00:00Z"), ZoneOffset.UTC);
    private static final DefaultProviderContext CONTEXT = DefaultProviderContext.create(CLOCK, Map.of());
    private static final Function<String, Optional<ModelProvider>> NONE = name -> Optional.empty();

    @TempDir
    Path dir;

    private int artifacts;

    private Path artifact(FixedRankingModelProvider writer, String... ranking) {
        Path artifact = dir.resolve("artifact-" + artifacts++);
        ModelArtifacts.save(writer.model(List.of(ranking), Map.of("hitRate@10", 0.1)), artifact, Map.of(), CONTEXT);
        return artifact;
    }

    private FileSystemDeployer deployer(Function<String, Optional<ModelProvider>> providers) {
        return new FileSystemDeployer(dir.resolve("registry"), 0, CLOCK, providers);
    }

    @Test
    void anArtifactOfAKnownProviderDeploysThroughTheRegistry() {
        FixedRankingModelProvider provider = new FixedRankingModelProvider();
        PluginRegistry registry = PluginRegistry.builder().register(provider).build();

        DeployedVersion deployed = deployer(registry::findModel).deploy(artifact(provider, "a"));

        assertThat(deployed.version()).isEqualTo("v0001");
        assertThat(deployed.active()).isTrue();
    }

    @Test
    void unknownProviderIsRefusedAndThePreviousVersionStaysActive() throws IOException {
        FixedRankingModelProvider provider = new FixedRankingModelProvider();
        FileSystemDeployer checking = deployer(provider.lookup());
        checking.deploy(artifact(provider, "a"));
        FileSystemDeployer knowsNothing = deployer(NONE);

        assertThatThrownBy(() -> knowsNothing.deploy(artifact(provider, "b")))
                .isInstanceOf(IncompatibleArtifactException.class)
                .hasMessageContaining("model provider 'fixed-ranking' is not registered")
                .hasMessageContaining("previously active version stays active");

        assertOnlyActive(checking, "v0001");
        assertThat(provider.loads()).as("the check never loads the model").isZero();
    }

    @Test
    void theDeployerProviderChecksProvidersWhenItsContextHasARegistry() {
        FixedRankingModelProvider provider = new FixedRankingModelProvider();
        Map<String, Object> options = Map.of("root", dir.resolve("from-options").toString());
        DefaultProviderContext withRegistry = DefaultProviderContext.create(CLOCK, Map.of(),
                io.deeppersona.spi.TrainingListener.NONE, PluginRegistry.builder().build());

        assertThatThrownBy(() -> new FileSystemDeployerProvider().create(options, withRegistry)
                .deploy(artifact(provider, "a")))
                .isInstanceOf(IncompatibleArtifactException.class)
                .hasMessageContaining("model provider 'fixed-ranking' is not registered");
        // Without a registry nobody can say a provider is unknown, so the deployer does not pretend to.
        assertThat(new FileSystemDeployerProvider().create(options, CONTEXT).deploy(artifact(provider, "a"))
                .active()).isTrue();
    }

    @Test
    void newerPayloadVersionIsRefusedAndThePreviousVersionStaysActive() throws IOException {
        FixedRankingModelProvider current = new FixedRankingModelProvider(1);
        FileSystemDeployer deployer = deployer(current.lookup());
        deployer.deploy(artifact(current, "a"));

        assertThatThrownBy(() -> deployer.deploy(artifact(new FixedRankingModelProvider(2), "b")))
                .isInstanceOf(IncompatibleArtifactException.class)
                .hasMessageContaining("payloadVersion 2 of model 'fixed-ranking' is newer than this provider reads"
                        + " (max 1)");

        assertOnlyActive(deployer, "v0001");
    }

    @Test
    void activatingOrRollingBackToAVersionThisProcessCannotLoadIsRefused() {
        FixedRankingModelProvider old = new FixedRankingModelProvider(1);
        // A newer host stored v0002 with payloadVersion 2; this host only reads version 1.
        FileSystemDeployer newerHost = deployer(null);
        newerHost.deploy(artifact(old, "a"));
        newerHost.deploy(artifact(new FixedRankingModelProvider(2), "b"));
        newerHost.deploy(artifact(old, "c"));
        FileSystemDeployer thisHost = deployer(old.lookup());

        assertThatThrownBy(() -> thisHost.activate("v0002"))
                .isInstanceOf(IncompatibleArtifactException.class)
                .hasMessageContaining("Cannot activate")
                .hasMessageContaining("payloadVersion 2");
        assertThat(thisHost.active()).map(DeployedVersion::version).contains("v0003");
        assertThatThrownBy(thisHost::rollback)
                .isInstanceOf(IncompatibleArtifactException.class)
                .hasMessageContaining("Cannot roll back to");
        assertThat(thisHost.active()).map(DeployedVersion::version).contains("v0003");
        assertThat(thisHost.activate("v0001").active()).isTrue();
    }

    @Test
    void providerNamesFromManifestsAreNeverLoadedAsClasses() {
        noClasses().that().resideInAnyPackage("io.deeppersona.core.deploy..", "io.deeppersona.core.artifact..",
                        "io.deeppersona.core.serving..")
                .should().callMethod(Class.class, "forName", String.class)
                .orShould().callMethod(Class.class, "forName", String.class, boolean.class, ClassLoader.class)
                .orShould().callMethod(ClassLoader.class, "loadClass", String.class)
                .because("providers are looked up by name in the registry (STYLE.md section 9)")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.deeppersona.core"));
    }

    private void assertOnlyActive(FileSystemDeployer deployer, String version) throws IOException {
        assertThat(deployer.active()).map(DeployedVersion::version).contains(version);
        assertThat(deployer.versions()).extracting(DeployedVersion::version).containsExactly(version);
        try (Stream<Path> children = Files.list(deployer.root())) {
            assertThat(children.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("versions", "ACTIVE", "HISTORY");
        }
    }
}
