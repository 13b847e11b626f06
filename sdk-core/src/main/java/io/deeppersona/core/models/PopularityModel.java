package io.deeppersona.core.models;

import io.deeppersona.api.ModelInfo;
import io.deeppersona.api.artifact.ArtifactReader;
import io.deeppersona.api.artifact.ArtifactWriter;
import java.util.Map;

/**
 * Recommends the items bought (or viewed, clicked...) by the most distinct training customers, the same list for
 * everyone apart from exclusions. Counting customers rather than events keeps one heavy buyer of an item from
 * making it "popular"; it is also the definition that reproduces the reference figures in docs/evaluation.md.
 */
final class PopularityModel extends ScoringModel {
    private final double[] scores;

    PopularityModel(String[] itemIds, int[] popularity) {
        super(new ModelInfo(PopularityModelProvider.NAME, PopularityModelProvider.PAYLOAD_VERSION, Map.of(), Map.of()),
                itemIds, popularity);
        this.scores = new double[popularity.length];
        for (int item = 0; item < popularity.length; item++) {
            scores[item] = popularity[item];
        }
    }

    static PopularityModel train(Interactions interactions) {
        return new PopularityModel(interactions.itemIds(), interactions.customersPerItem());
    }

    static PopularityModel load(ArtifactReader reader) {
        return ModelPayload.read(reader, PopularityModelProvider.NAME,
                (in, itemIds, popularity) -> new PopularityModel(itemIds, popularity));
    }

    @Override
    double[] scores(int[] history) {
        return scores;
    }

    @Override
    public void save(ArtifactWriter payload) {
        ModelPayload.write(payload, PopularityModelProvider.NAME, PopularityModelProvider.PAYLOAD_VERSION, itemIds(),
                popularity(), out -> { });
    }
}
