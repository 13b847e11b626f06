package io.deeppersona.core.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.RecommendationQuery;
import io.deeppersona.api.error.ArtifactException;
import io.deeppersona.spi.Model;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactArchiveTest {
    @TempDir
    Path dir;

    private final FixedRankingModelProvider provider = new FixedRankingModelProvider();

    private Path saved() {
        Path artifact = dir.resolve("artifact");
        ModelArtifacts.save(provider.model(ModelArtifactsTest.RANKING, Map.of()), artifact, Map.of("seed", 7),
                ModelArtifactsTest.CONTEXT);
        return artifact;
    }

    @Test
    void packedArtifactUnpacksAndLoads() {
        Path zip = dir.resolve("churn.persona");
        ArtifactArchive.pack(saved(), zip);
        Path target = dir.resolve("unpacked");

        ArtifactArchive.unpack(zip, target);

        try (Model loaded = ModelArtifacts.load(target, provider.lookup(), ModelArtifactsTest.CONTEXT)) {
            assertThat(loaded.recommend(RecommendationQuery.of("c1", List.of(), 2)))
                    .extracting(r -> r.itemId()).containsExactly("22423", "85123A");
        }
    }

    @Test
    void packingTwiceGivesIdenticalBytes() throws IOException {
        Path artifact = saved();
        ArtifactArchive.pack(artifact, dir.resolve("a.zip"));
        ArtifactArchive.pack(artifact, dir.resolve("b.zip"));

        assertThat(Files.readAllBytes(dir.resolve("a.zip"))).isEqualTo(Files.readAllBytes(dir.resolve("b.zip")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.txt", "model/../../evil.txt", "/tmp/evil-deeppersona.txt", "..\\evil.txt"})
    void refusesEntriesThatWouldLandOutsideTheTarget(String entry) throws IOException {
        Path zip = zipWith(dir.resolve("slip.zip"), "manifest.json", "{}", entry, "pwned");
        Path target = dir.resolve("target");

        assertThatThrownBy(() -> ArtifactArchive.unpack(zip, target))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("unsafe entry '" + entry + "'");
        assertThat(dir.resolve("evil.txt")).doesNotExist();
        assertThat(Path.of("/tmp/evil-deeppersona.txt")).doesNotExist();
        try (var left = Files.list(target)) {
            assertThat(left).as("partially unpacked files are removed").isEmpty();
        }
    }

    @Test
    void refusesArchiveOverTheSizeLimit() throws IOException {
        Path zip = zipWith(dir.resolve("big.zip"), "model/a.bin", "0123456789", "model/b.bin", "0123456789");

        assertThatThrownBy(() -> ArtifactArchive.unpack(zip, dir.resolve("target"), 15))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("more than 15 bytes")
                .hasMessageContaining("'model/b.bin'");
    }

    @Test
    void refusesNonEmptyTarget() throws IOException {
        Path zip = zipWith(dir.resolve("a.zip"), "manifest.json", "{}");
        Path target = Files.createDirectories(dir.resolve("target"));
        Files.writeString(target.resolve("old.txt"), "x");

        assertThatThrownBy(() -> ArtifactArchive.unpack(zip, target))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("not empty");
    }

    /** Writes a zip with the given name/content pairs, bypassing every check, as an attacker would. */
    static Path zipWith(Path zip, String... namesAndContents) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                out.putNextEntry(new ZipEntry(namesAndContents[i]));
                out.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }
}
