package io.deeppersona.testkit.fakes;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.ModelInfo;
import io.deeppersona.api.Recommendation;
import io.deeppersona.api.RecommendationQuery;
import io.deeppersona.api.artifact.ArtifactWriter;
import io.deeppersona.spi.Model;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The model of {@link FakeModelProvider}: it recommends the same fixed ranking to everyone, skipping excluded
 * items. Its payload is one text file, {@value #PAYLOAD}, with one item id per line. Immutable and thread-safe.
 */
public final class FakeModel implements Model {
    /** The payload file's name inside {@code model/}. */
    public static final String PAYLOAD = "ranking.txt";

    private final List<String> ranking;
    private final Map<String, Double> validationScores;

    /**
     * @param ranking item ids, best first; none blank or containing a line break
     * @param validationScores what {@link #info()} reports, e.g. {@code {"hitRate@10": 0.3}}
     */
    public FakeModel(List<String> ranking, Map<String, Double> validationScores) {
        this.ranking = List.copyOf(requireNonNull(ranking, "ranking is null"));
        for (String item : this.ranking) {
            if (item.isBlank() || item.contains("\n")) {
                throw new IllegalArgumentException("item ids must be non-blank single lines, got '" + item + "'");
            }
        }
        this.validationScores = Map.copyOf(requireNonNull(validationScores, "validationScores is null"));
    }

    /** Returns the ranking, best first. */
    public List<String> ranking() {
        return ranking;
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo(FakeModelProvider.NAME, FakeModelProvider.PAYLOAD_VERSION,
                Map.of("items", ranking.size()), validationScores);
    }

    @Override
    public List<Recommendation> recommend(RecommendationQuery query) {
        List<Recommendation> result = new ArrayList<>();
        for (int rank = 0; rank < ranking.size() && result.size() < query.limit(); rank++) {
            String item = ranking.get(rank);
            if (!query.excludedItems().contains(item)) {
                result.add(new Recommendation(item, ranking.size() - rank));
            }
        }
        return result;
    }

    @Override
    public void save(ArtifactWriter payload) {
        payload.write(PAYLOAD, String.join("\n", ranking).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
    }
}
