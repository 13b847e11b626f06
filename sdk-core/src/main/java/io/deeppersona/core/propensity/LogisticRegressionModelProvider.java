package io.deeppersona.core.propensity;

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
 * The {@code logistic-regression} propensity baseline: L2-regularised logistic regression fitted by IRLS on
 * standardised numeric features and one-hot tokens. See {@link LogisticRegressionOptions}.
 */
public final class LogisticRegressionModelProvider implements ModelProvider {
    public static final String NAME = "logistic-regression";
    static final int PAYLOAD_VERSION = 1;

    public LogisticRegressionModelProvider() {
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
        return Set.of(ModelCapability.PROPENSITY);
    }

    @Override
    public ModelTrainer newTrainer(Map<String, Object> options, ProviderContext context) {
        LogisticRegressionOptions bound = requireNonNull(context, "context is null")
                .bindOptions(options, LogisticRegressionOptions.class);
        return data -> LogisticRegressionModel.train(bound, data, context.trainingListener());
    }

    @Override
    public Model load(ArtifactReader payload, int payloadVersion, ProviderContext context) {
        PayloadVersions.check(NAME, payloadVersion, PAYLOAD_VERSION, "the SDK");
        return LogisticRegressionModel.load(requireNonNull(payload, "payload is null"));
    }
}
