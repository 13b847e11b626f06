package io.deeppersona.core.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import io.deeppersona.api.Recommendation;
import io.deeppersona.api.RecommendationQuery;
import io.deeppersona.api.artifact.ArtifactManifest;
import io.deeppersona.spi.Model;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Loads the artifact written by formatVersion 1, so a change to the envelope that breaks old artifacts fails here
 * (Beam: "changing the wire format should be avoided").
 */
class GoldenArtifactTest {
    private static final String GOLDEN = "/artifacts/v1/fixed-ranking/manifest.json";

    @Test
    void formatVersion1ArtifactStillLoadsAndRecommendsTheSame() throws URISyntaxException {
        Path golden = Path.of(getClass().getResource(GOLDEN).toURI()).getParent();
        FixedRankingModelProvider provider = new FixedRankingModelProvider();

        ArtifactManifest manifest = ModelArtifacts.verify(golden);
        try (Model model = ModelArtifacts.load(golden, provider.lookup(), ModelArtifactsTest.CONTEXT)) {
            assertThat(manifest.formatVersion()).isEqualTo(1);
            assertThat(manifest.validationScores()).containsEntry("hitRate@10", 0.25);
            assertThat(model.recommend(new RecommendationQuery("c1", List.of(), 3, Set.of("47566"))))
                    .extracting(Recommendation::itemId).containsExactly("22423", "85123A", "84879");
        }
    }

    /** Regenerates the golden artifact; run by hand only when a new formatVersion is released. */
    static void generate(Path resources) {
        ModelArtifacts.save(new FixedRankingModelProvider().model(ModelArtifactsTest.RANKING,
                        Map.of("hitRate@10", 0.25)), resources.resolve("artifacts/v1/fixed-ranking"),
                Map.of("seed", 42, "dataSource", "golden"), ModelArtifactsTest.CONTEXT);
    }

    public static void main(String[] args) {
        generate(Path.of(args[0]));
    }
}
