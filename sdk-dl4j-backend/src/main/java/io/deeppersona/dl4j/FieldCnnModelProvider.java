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
 * The {@code field-cnn} propensity model for tabular customer attributes: CCPM (Liu et al., CIKM 2015), 1-D
 * convolutions over the stacked embeddings of the field tokens, ending in a sigmoid. Trains from the
 * {@code fields} item-sequence feature (see {@code TabularDataset}) and {@code TrainingData} labels; see
 * {@link FieldCnnOptions}. ND4J is first touched when training or loading.
 */
public final class FieldCnnModelProvider implements ModelProvider {
    public static final String NAME = "field-cnn";
    static final int PAYLOAD_VERSION = 1;

    public FieldCnnModelProvider() {
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
        FieldCnnOptions bound = requireNonNull(context, "context is null")
                .bindOptions(options, FieldCnnOptions.class);
        return data -> FieldCnnModel.train(bound, data, context.trainingListener());
    }

    @Override
    public Model load(ArtifactReader payload, int payloadVersion, ProviderContext context) {
        PayloadVersions.check(NAME, payloadVersion, PAYLOAD_VERSION, "the SDK");
        return FieldCnnModel.load(requireNonNull(payload, "payload is null"));
    }
}
