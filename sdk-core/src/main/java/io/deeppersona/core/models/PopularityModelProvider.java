package io.deeppersona.core.models;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.artifact.ArtifactReader;
import io.deeppersona.core.artifact.PayloadVersions;
import io.deeppersona.spi.Model;
import io.deeppersona.spi.ModelCapability;
import io.deeppersona.spi.ModelProvider;
import io.deeppersona.spi.ModelTrainer;
import io.deeppersona.spi.ProviderContext;
import java.util.Map;
import java.util.Set;

/**
 * The {@code popularity} baseline: items ranked by the number of distinct training customers who interacted with
 * them, ties by the training log's item order. No options.
 */
public final class PopularityModelProvider implements ModelProvider {
    public static final String NAME = "popularity";
    static final int PAYLOAD_VERSION = 1;

    public PopularityModelProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int payloadVersion() {
        return PAYLOAD_VERSION;
    }

    @Override
    public Set<ModelCapability> capabilities() {
        return Set.of(ModelCapability.RECOMMEND, ModelCapability.CONCURRENT_RECOMMEND);
    }

    @Override
    public ModelTrainer newTrainer(Map<String, Object> options, ProviderContext context) {
        requireNonNull(context, "context is null").bindOptions(options, PopularityOptions.class);
        return data -> PopularityModel.train(Interactions.of(data.events()));
    }

    @Override
    public Model load(ArtifactReader payload, int payloadVersion, ProviderContext context) {
        PayloadVersions.check(NAME, payloadVersion, PAYLOAD_VERSION, "sdk-core");
        return PopularityModel.load(requireNonNull(payload, "payload is null"));
    }
}
