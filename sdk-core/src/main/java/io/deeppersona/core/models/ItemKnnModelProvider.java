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
 * The {@code item-knn} baseline: cosine item-item similarity over the binary customer x item matrix, each item
 * keeping its top {@code neighbours} (default 100) similar items. See {@link ItemKnnOptions}.
 */
public final class ItemKnnModelProvider implements ModelProvider {
    public static final String NAME = "item-knn";
    static final int PAYLOAD_VERSION = 1;

    public ItemKnnModelProvider() {
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
        ItemKnnOptions bound = requireNonNull(context, "context is null").bindOptions(options, ItemKnnOptions.class);
        return data -> ItemKnnModel.train(Interactions.of(data.events()), bound.neighbours());
    }

    @Override
    public Model load(ArtifactReader payload, int payloadVersion, ProviderContext context) {
        PayloadVersions.check(NAME, payloadVersion, PAYLOAD_VERSION, "sdk-core");
        return ItemKnnModel.load(requireNonNull(payload, "payload is null"));
    }
}
