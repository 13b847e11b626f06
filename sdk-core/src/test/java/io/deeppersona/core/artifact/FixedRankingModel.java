package io.deeppersona.core.artifact;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.ModelInfo;
import io.deeppersona.api.Recommendation;
import io.deeppersona.api.RecommendationQuery;
import io.deeppersona.api.artifact.ArtifactWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A test model that ranks a fixed list of items for everyone; its payload is one text file. */
public class FixedRankingModel implements io.deeppersona.spi.Model {
    static final String PAYLOAD = "ranking.txt";

    private final List<String> ranking;
    private final int payloadVersion;
    private final Map<String, Double> validationScores;

    public FixedRankingModel(List<String> ranking, int payloadVersion, Map<String, Double> validationScores) {
        this.ranking = List.copyOf(requireNonNull(ranking, "ranking is null"));
        this.payloadVersion = payloadVersion;
        this.validationScores = Map.copyOf(validationScores);
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo(FixedRankingModelProvider.NAME, payloadVersion,
                Map.of("items", ranking.size(), "kind", "fixed"), validationScores);
    }

    @Override
    public List<Recommendation> recommend(RecommendationQuery query) {
        List<Recommendation> result = new ArrayList<>();
        for (String item : ranking) {
            if (result.size() == query.limit()) {
                break;
            }
            if (!query.excludedItems().contains(item)) {
                result.add(new Recommendation(item, ranking.size() - ranking.indexOf(item)));
            }
        }
        return result;
    }

    @Override
    public void save(ArtifactWriter payload) {
        payload.write(PAYLOAD, String.join("\n", ranking).getBytes(StandardCharsets.UTF_8));
        payload.write("meta/scores.txt", validationScores.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
    }
}
