package io.deeppersona.core.models;

import io.deeppersona.api.ModelInfo;
import io.deeppersona.api.artifact.ArtifactReader;
import io.deeppersona.api.artifact.ArtifactWriter;
import java.util.Arrays;
import java.util.Map;

/**
 * Recommends the items bought (or viewed, clicked...) by the most distinct training customers, the same list for
 * everyone apart from exclusions. Counting customers rather than events keeps one heavy buyer of an item from
 * making it "popular"; it is also the definition that reproduces the reference figures in docs/evaluation.md.
 */
final class PopularityModel extends ScoringModel {

    PopularityModel(String[] itemIds, int[] popularity) {
        super(new ModelInfo(PopularityModelProvider.NAME, PopularityModelProvider.PAYLOAD_VERSION, Map.of(), Map.of()),
                itemIds, popularity);
    }

    static PopularityModel train(Interactions interactions) {
        return new PopularityModel(interactions.itemIds(), interactions.customersPerItem());
    }

    static PopularityModel load(ArtifactReader reader) {
        return ModelPayload.read(reader, PopularityModelProvider.NAME,
                (in, itemIds, popularity) -> new PopularityModel(itemIds, popularity));
    }

    @Override
    boolean ignoresHistory() {
        return true;
    }

    @Override
    double[] scores(int[] history) {
        // Not reached (ignoresHistory sends every query down the precomputed ranking), but still the right answer.
        return Arrays.stream(popularity()).asDoubleStream().toArray();
    }

    @Override
    public void save(ArtifactWriter payload) {
        ModelPayload.write(payload, PopularityModelProvider.NAME, PopularityModelProvider.PAYLOAD_VERSION, itemIds(),
                popularity(), out -> { });
    }
}
