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
 * The {@code ease} baseline (Steck 2019): a closed-form item-item model with L2 regularisation {@code lambda}
 * (default 250). Training inverts a dense items x items matrix, so it suits catalogues up to a few ten thousand
 * items. See {@link EaseOptions}.
 */
public final class EaseModelProvider implements ModelProvider {
    public static final String NAME = "ease";
    static final int PAYLOAD_VERSION = 1;

    public EaseModelProvider() {
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
        EaseOptions bound = requireNonNull(context, "context is null").bindOptions(options, EaseOptions.class);
        return data -> EaseModel.train(Interactions.of(data.events()), bound.lambda());
    }

    @Override
    public Model load(ArtifactReader payload, int payloadVersion, ProviderContext context) {
        PayloadVersions.check(NAME, payloadVersion, PAYLOAD_VERSION, "sdk-core");
        return EaseModel.load(requireNonNull(payload, "payload is null"));
    }
}
