package io.deeppersona.dl4j;

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
 * The {@code behaviour-cnn} propensity model: a 2-D CNN over the behaviour matrix (time buckets x categories,
 * event types as channels) plus the dense RFM vector, ending in a sigmoid. Trains from {@code TrainingData}
 * features and labels; see {@link BehaviourCnnOptions}. ND4J is first touched when training or loading.
 */
public final class BehaviourCnnModelProvider implements ModelProvider {
    public static final String NAME = "behaviour-cnn";
    static final int PAYLOAD_VERSION = 1;

    public BehaviourCnnModelProvider() {
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
        return Set.of(ModelCapability.PROPENSITY, ModelCapability.SEEDED);
    }

    @Override
    public ModelTrainer newTrainer(Map<String, Object> options, ProviderContext context) {
        BehaviourCnnOptions bound = requireNonNull(context, "context is null")
                .bindOptions(options, BehaviourCnnOptions.class);
        return data -> BehaviourCnnModel.train(bound, data, context.trainingListener());
    }

    @Override
    public Model load(ArtifactReader payload, int payloadVersion, ProviderContext context) {
        PayloadVersions.check(NAME, payloadVersion, PAYLOAD_VERSION, "the SDK");
        return BehaviourCnnModel.load(requireNonNull(payload, "payload is null"));
    }
}
