package io.deeppersona.core.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.RecommendationQuery;
import io.deeppersona.api.artifact.ArtifactManifest;
import io.deeppersona.api.error.ArtifactException;
import io.deeppersona.api.error.IncompatibleArtifactException;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.spi.Model;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArtifactsTest {
    static final Instant NOW = Instant.parse("2025-01-31T09:12:00Z");
    static final DefaultProviderContext CONTEXT =
            DefaultProviderContext.create(Clock.fixed(NOW, ZoneOffset.UTC), Map.of());
    static final List<String> RANKING = List.of("22423", "85123A", "47566", "84879", "20725");

    private final FixedRankingModelProvider provider = new FixedRankingModelProvider();

    record PipelineSpec(List<String> stages, int seed) {
    }

    private Path saved(Path dir) {
        Path artifact = dir.resolve("churn.persona");
        ModelArtifacts.save(provider.model(RANKING, Map.of("hitRate@10", 0.25)), artifact,
                new PipelineSpec(List.of("dedupe-events", "item-sequence"), 42), Map.of("dataSource", "csv",
                        "rows", 120, "seed", 42), CONTEXT);
        return artifact;
    }

    @Test
    void loadedModelRecommendsTheSame(@TempDir Path dir) {
        Path artifact = saved(dir);
        Model original = provider.model(RANKING, Map.of());
        RecommendationQuery query = new RecommendationQuery("c1", List.of(), 3, java.util.Set.of("85123A"));

        try (Model loaded = ModelArtifacts.load(artifact, provider.lookup(), CONTEXT)) {
            assertThat(loaded.recommend(query)).isEqualTo(original.recommend(query)).hasSize(3);
        }
    }

    @Test
    void manifestRecordsVersionsFilesAndModelInfo(@TempDir Path dir) {
        ArtifactManifest manifest = ModelArtifacts.verify(saved(dir));

        assertThat(manifest.formatVersion()).isEqualTo(1);
        assertThat(manifest.createdAt()).isEqualTo(NOW);
        assertThat(manifest.sdkVersion()).isEqualTo(CONTEXT.sdkVersion());
        assertThat(manifest.model().provider()).isEqualTo(FixedRankingModelProvider.NAME);
        assertThat(manifest.model().payloadVersion()).isEqualTo(1);
        assertThat(manifest.files()).containsOnlyKeys("model/ranking.txt", "model/meta/scores.txt", "pipeline.json");
        assertThat(manifest.files().get("model/ranking.txt").size())
                .isEqualTo(String.join("\n", RANKING).getBytes(StandardCharsets.UTF_8).length);
        assertThat(manifest.hyperparameters()).containsEntry("items", 5).containsEntry("kind", "fixed");
        assertThat(manifest.validationScores()).containsEntry("hitRate@10", 0.25);
        assertThat(manifest.provenance()).containsEntry("seed", 42).containsEntry("dataSource", "csv");
    }

    @Test
    void identicalContentGivesByteIdenticalManifests(@TempDir Path dir) throws IOException {
        Path first = saved(dir.resolve("a"));
        Path second = saved(dir.resolve("b"));

        assertThat(Files.readString(first.resolve("manifest.json")))
                .isEqualTo(Files.readString(second.resolve("manifest.json")))
                .contains("\"formatVersion\" : 1");
    }

    @Test
    void pipelineRoundTrips(@TempDir Path dir) {
        assertThat(ModelArtifacts.readPipeline(saved(dir), PipelineSpec.class))
                .contains(new PipelineSpec(List.of("dedupe-events", "item-sequence"), 42));
    }

    @Test
    void refusesChecksumMismatchBeforeTheProviderReadsAByte(@TempDir Path dir) throws IOException {
        Path artifact = saved(dir);
        Path payload = artifact.resolve("model/ranking.txt");
        byte[] bytes = Files.readAllBytes(payload);
        bytes[0] ^= 1;
        Files.write(payload, bytes);

        assertThatThrownBy(() -> ModelArtifacts.load(artifact, provider.lookup(), CONTEXT))
                .isExactlyInstanceOf(ArtifactException.class)
                .hasMessageContaining("'model/ranking.txt'")
                .hasMessageContaining("SHA-256");
        assertThat(provider.loads()).isZero();
    }

    @Test
    void refusesTruncatedFile(@TempDir Path dir) throws IOException {
        Path artifact = saved(dir);
        Files.write(artifact.resolve("model/ranking.txt"), "22423".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> ModelArtifacts.load(artifact, provider.lookup(), CONTEXT))
                .isExactlyInstanceOf(ArtifactException.class)
                .hasMessageContaining("'model/ranking.txt'")
                .hasMessageContaining("is 5 bytes");
        assertThat(provider.loads()).isZero();
    }

    @Test
    void refusesMissingFile(@TempDir Path dir) throws IOException {
        Path artifact = saved(dir);
        Files.delete(artifact.resolve("model/meta/scores.txt"));

        assertThatThrownBy(() -> ModelArtifacts.verify(artifact))
                .isExactlyInstanceOf(ArtifactException.class)
                .hasMessageContaining("'model/meta/scores.txt'")
                .hasMessageContaining("missing");
    }

    @Test
    void refusesUnlistedFileInPayload(@TempDir Path dir) throws IOException {
        Path artifact = saved(dir);
        Files.writeString(artifact.resolve("model/meta/extra.bin"), "sneaky");

        assertThatThrownBy(() -> ModelArtifacts.load(artifact, provider.lookup(), CONTEXT))
                .isExactlyInstanceOf(ArtifactException.class)
                .hasMessageContaining("'model/meta/extra.bin'")
                .hasMessageContaining("not listed");
        assertThat(provider.loads()).isZero();
    }

    @Test
    void refusesNewerFormatVersionWithUpgradeHint(@TempDir Path dir) throws IOException {
        Path artifact = saved(dir);
        rewriteManifest(artifact, "\"formatVersion\" : 1", "\"formatVersion\" : 3");

        assertThatThrownBy(() -> ModelArtifacts.load(artifact, provider.lookup(), CONTEXT))
                .isInstanceOf(IncompatibleArtifactException.class)
                .hasMessage("Artifact formatVersion 3 is newer than this SDK supports (max 1); upgrade sdk-core");
    }

    @Test
    void refusesNewerPayloadVersionNamingProviderAndVersions(@TempDir Path dir) {
        Path artifact = dir.resolve("newer");
        ModelArtifacts.save(new FixedRankingModelProvider(2).model(RANKING, Map.of()), artifact, Map.of(), CONTEXT);

        assertThatThrownBy(() -> ModelArtifacts.load(artifact, provider.lookup(), CONTEXT))
                .isInstanceOf(IncompatibleArtifactException.class)
                .hasMessageContaining("payloadVersion 2 of model 'fixed-ranking'")
                .hasMessageContaining("(max 1)");
        assertThat(provider.loads()).isZero();
    }

    @Test
    void refusesUnknownProvider(@TempDir Path dir) {
        Path artifact = saved(dir);

        assertThatThrownBy(() -> ModelArtifacts.load(artifact, name -> Optional.empty(), CONTEXT))
                .isInstanceOf(IncompatibleArtifactException.class)
                .hasMessageContaining("No ModelProvider named 'fixed-ranking' is registered");
    }

    @Test
    void refusesManifestPathOutsideTheArtifact(@TempDir Path dir) throws IOException {
        Path artifact = saved(dir);
        rewriteManifest(artifact, "\"pipeline.json\"", "\"../pipeline.json\"");

        assertThatThrownBy(() -> ModelArtifacts.verify(artifact))
                .isExactlyInstanceOf(ArtifactException.class)
                .hasMessageContaining("'../pipeline.json'");
    }

    @Test
    void ignoresUnknownManifestFieldsWithinOneFormatVersion(@TempDir Path dir) throws IOException {
        Path artifact = saved(dir);
        rewriteManifest(artifact, "\"formatVersion\" : 1", "\"formatVersion\" : 1, \"addedLater\" : true");

        assertThat(ModelArtifacts.verify(artifact).formatVersion()).isEqualTo(1);
    }

    @Test
    void refusesFolderWithoutManifest(@TempDir Path dir) {
        assertThatThrownBy(() -> ModelArtifacts.verify(dir))
                .isExactlyInstanceOf(ArtifactException.class)
                .hasMessageContaining("No manifest.json");
    }

    @Test
    void refusesToSaveIntoNonEmptyFolder(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("old.txt"), "x");

        assertThatThrownBy(() -> ModelArtifacts.save(provider.model(RANKING, Map.of()), dir, Map.of(), CONTEXT))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("not empty");
    }

    @Test
    void failedSaveLeavesNoHalfArtifact(@TempDir Path dir) throws IOException {
        Model failing = new FixedRankingModel(RANKING, 1, Map.of()) {
            @Override
            public void save(io.deeppersona.api.artifact.ArtifactWriter payload) {
                payload.write("part-1.bin", new byte[] {1});
                throw new java.io.UncheckedIOException(new IOException("disk full"));
            }
        };

        assertThatThrownBy(() -> ModelArtifacts.save(failing, dir.resolve("a"), Map.of(), CONTEXT))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("disk full");
        try (var left = Files.list(dir.resolve("a"))) {
            assertThat(left).isEmpty();
        }
    }

    static void rewriteManifest(Path artifact, String from, String to) throws IOException {
        Path manifest = artifact.resolve("manifest.json");
        String text = Files.readString(manifest);
        assertThat(text).contains(from);
        Files.writeString(manifest, text.replace(from, to));
    }
}
