package io.deeppersona.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.RecommendationQuery;
import io.deeppersona.api.error.ArtifactException;
import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.api.error.DeploymentException;
import io.deeppersona.api.error.IncompatibleArtifactException;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.core.artifact.ArtifactArchive;
import io.deeppersona.core.artifact.FixedRankingModelProvider;
import io.deeppersona.core.artifact.ModelArtifacts;
import io.deeppersona.spi.DeployedVersion;
import io.deeppersona.spi.Deployer;
import io.deeppersona.spi.Model;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemDeployerTest {
    private static final Instant NOW = Instant.parse("2025-02-01T08:00:00Z");
    private static final DefaultProviderContext CONTEXT =
            DefaultProviderContext.create(Clock.fixed(NOW, ZoneOffset.UTC), Map.of());

    @TempDir
    Path dir;

    private final FixedRankingModelProvider models = new FixedRankingModelProvider();
    private Path root;
    private Deployer deployer;
    private int artifacts;

    @BeforeEach
    void setUp() {
        root = dir.resolve("registry");
        deployer = new FileSystemDeployerProvider().create(Map.of("root", root.toString()), CONTEXT);
    }

    private Path artifact(double hitRate, String... ranking) {
        Path artifact = dir.resolve("artifact-" + artifacts++);
        ModelArtifacts.save(models.model(List.of(ranking), Map.of("hitRate@10", hitRate)), artifact, Map.of(),
                CONTEXT);
        return artifact;
    }

    @Test
    void deployStoresAndActivatesNewVersions() {
        DeployedVersion first = deployer.deploy(artifact(0.1, "a", "b"));
        DeployedVersion second = deployer.deploy(artifact(0.2, "b", "a"));

        assertThat(first.version()).isEqualTo("v0001");
        assertThat(second).isEqualTo(new DeployedVersion("v0002", FixedRankingModelProvider.NAME, NOW,
                Map.of("hitRate@10", 0.2), true));
        assertThat(deployer.active()).contains(second);
        assertThat(Files.exists(root.resolve("versions/v0002/manifest.json"))).isTrue();
    }

    @Test
    void versionsAreListedOldestFirstWithScores() {
        deployer.deploy(artifact(0.1, "a"));
        deployer.deploy(artifact(0.3, "b"));
        deployer.deploy(artifact(0.2, "c"));
        deployer.activate("v0002");

        assertThat(deployer.versions())
                .extracting(DeployedVersion::version, v -> v.validationScores().get("hitRate@10"),
                        DeployedVersion::active)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("v0001", 0.1, false),
                        org.assertj.core.groups.Tuple.tuple("v0002", 0.3, true),
                        org.assertj.core.groups.Tuple.tuple("v0003", 0.2, false));
    }

    @Test
    void deploysAZipAndServesTheSameModel() {
        Path zip = dir.resolve("model.persona");
        ArtifactArchive.pack(artifact(0.1, "x", "y", "z"), zip);

        DeployedVersion deployed = deployer.deploy(zip);

        try (Model model = ModelArtifacts.load(deployer.artifactPath(deployed.version()), models.lookup(), CONTEXT)) {
            assertThat(model.recommend(RecommendationQuery.of("c1", List.of(), 2)))
                    .extracting(r -> r.itemId()).containsExactly("x", "y");
        }
    }

    @Test
    void corruptDeployLeavesThePreviousVersionActiveAndNothingBehind() throws IOException {
        deployer.deploy(artifact(0.1, "a"));
        Path corrupt = artifact(0.9, "b", "c");
        Files.writeString(corrupt.resolve("model/ranking.txt"), "b\nX");

        assertThatThrownBy(() -> deployer.deploy(corrupt))
                .isExactlyInstanceOf(ArtifactException.class)
                .hasMessageContaining("'model/ranking.txt'");
        assertUnchanged("v0001");
    }

    @Test
    void truncatedDeployLeavesThePreviousVersionActive() throws IOException {
        deployer.deploy(artifact(0.1, "a"));
        Path truncated = artifact(0.9, "bbbbbb");
        Files.writeString(truncated.resolve("model/ranking.txt"), "bb");

        assertThatThrownBy(() -> deployer.deploy(truncated)).isInstanceOf(ArtifactException.class)
                .hasMessageContaining("truncated");
        assertUnchanged("v0001");
    }

    @Test
    void newerFormatDeployLeavesThePreviousVersionActive() throws IOException {
        deployer.deploy(artifact(0.1, "a"));
        Path newer = artifact(0.9, "b");
        Path manifest = newer.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"formatVersion\" : 1",
                "\"formatVersion\" : 2"));

        assertThatThrownBy(() -> deployer.deploy(newer)).isInstanceOf(IncompatibleArtifactException.class)
                .hasMessageContaining("formatVersion 2 is newer");
        assertUnchanged("v0001");
    }

    @Test
    void zipSlipDeployLeavesThePreviousVersionActiveAndWritesNothingOutside() throws IOException {
        deployer.deploy(artifact(0.1, "a"));
        Path zip = dir.resolve("slip.zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry("../../evil.txt"));
            out.write("pwned".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }

        assertThatThrownBy(() -> deployer.deploy(zip)).isInstanceOf(ArtifactException.class)
                .hasMessageContaining("unsafe entry '../../evil.txt'");
        assertUnchanged("v0001");
        assertThat(dir.resolve("evil.txt")).doesNotExist();
    }

    @Test
    void missingArtifactIsADeploymentError() {
        assertThatThrownBy(() -> deployer.deploy(dir.resolve("nope")))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("neither an artifact folder nor a zip");
    }

    @Test
    void rollbackWalksBackThroughPreviouslyActiveVersions() {
        deployer.deploy(artifact(0.1, "a"));
        deployer.deploy(artifact(0.2, "b"));
        deployer.deploy(artifact(0.3, "c"));

        assertThat(deployer.rollback().version()).isEqualTo("v0002");
        assertThat(deployer.rollback().version()).isEqualTo("v0001");
        assertThat(deployer.active()).map(DeployedVersion::version).contains("v0001");
        assertThatThrownBy(deployer::rollback)
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("no earlier version");
    }

    @Test
    void rollbackAfterManualActivationReturnsToTheVersionBefore() {
        deployer.deploy(artifact(0.1, "a"));
        deployer.deploy(artifact(0.2, "b"));
        deployer.activate("v0001");

        assertThat(deployer.rollback().version()).isEqualTo("v0002");
    }

    @Test
    void rollbackWithNothingDeployedFails() {
        assertThatThrownBy(deployer::rollback)
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("no version is active");
        assertThat(deployer.active()).isEmpty();
        assertThat(deployer.versions()).isEmpty();
    }

    @Test
    void activatingAnUnknownVersionListsTheStoredOnes() {
        deployer.deploy(artifact(0.1, "a"));

        assertThatThrownBy(() -> deployer.activate("v0042"))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("Unknown version 'v0042'")
                .hasMessageContaining("[v0001]");
        assertThatThrownBy(() -> deployer.artifactPath("../v0001"))
                .isInstanceOf(DeploymentException.class);
    }

    @Test
    void twoDeployersOnOneRootAgreeOnTheActiveVersion() {
        Deployer other = new FileSystemDeployerProvider().create(Map.of("root", root.toString()), CONTEXT);
        deployer.deploy(artifact(0.1, "a"));
        other.deploy(artifact(0.2, "b"));

        assertThat(deployer.active()).map(DeployedVersion::version).contains("v0002");
        assertThat(deployer.rollback().version()).isEqualTo("v0001");
        assertThat(other.active()).map(DeployedVersion::version).contains("v0001");
    }

    @Test
    void concurrentDeploysGetDistinctVersions() throws Exception {
        Deployer other = new FileSystemDeployerProvider().create(Map.of("root", root.toString()), CONTEXT);
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sources.add(artifact(i / 10.0, "item" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<DeployedVersion>> results = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                Deployer target = i % 2 == 0 ? deployer : other;
                Path source = sources.get(i);
                results.add(pool.submit(() -> target.deploy(source)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<DeployedVersion> result : results) {
                ids.add(result.get().version());
            }
            assertThat(ids).doesNotHaveDuplicates().hasSize(6);
        } finally {
            pool.shutdownNow();
        }
        assertThat(deployer.versions()).hasSize(6).filteredOn(DeployedVersion::active).hasSize(1);
    }

    @Test
    void keepVersionsPrunesTheOldestAndRollbackSkipsPrunedVersions() {
        Deployer keeping = new FileSystemDeployerProvider().create(
                Map.of("root", root.toString(), "keepVersions", 2), CONTEXT);
        keeping.deploy(artifact(0.1, "a"));
        keeping.deploy(artifact(0.2, "b"));
        keeping.deploy(artifact(0.3, "c"));

        assertThat(keeping.versions()).extracting(DeployedVersion::version).containsExactly("v0002", "v0003");
        assertThat(keeping.rollback().version()).isEqualTo("v0002");
        assertThatThrownBy(keeping::rollback).isInstanceOf(DeploymentException.class)
                .hasMessageContaining("no earlier version");
        assertThat(keeping.deploy(artifact(0.4, "d")).version()).as("a pruned id is never reused").isEqualTo("v0004");
        assertThat(keeping.versions()).extracting(DeployedVersion::version).containsExactly("v0003", "v0004");
    }

    @Test
    void optionsAreBoundStrictly() {
        FileSystemDeployerProvider provider = new FileSystemDeployerProvider();

        assertThatThrownBy(() -> provider.create(Map.of(), CONTEXT))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'root'");
        assertThatThrownBy(() -> provider.create(Map.of("root", "x", "keep", 3), CONTEXT))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Unknown option 'keep'");
        assertThatThrownBy(() -> provider.create(Map.of("root", "x", "keepVersions", -1), CONTEXT))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("got -1");
        assertThat(provider.name()).isEqualTo("file-system");
    }

    private void assertUnchanged(String expectedActive) throws IOException {
        assertThat(deployer.active()).map(DeployedVersion::version).contains(expectedActive);
        assertThat(deployer.versions()).extracting(DeployedVersion::version).containsExactly(expectedActive);
        try (Stream<Path> children = Files.list(root)) {
            assertThat(children.map(p -> p.getFileName().toString()))
                    .as("no staging or temp folders left behind")
                    .containsExactlyInAnyOrder("versions", "ACTIVE", "HISTORY");
        }
    }
}
