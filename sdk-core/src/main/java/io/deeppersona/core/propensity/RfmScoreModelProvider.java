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
 * The {@code rfm-score} heuristic of direct marketing: recency, frequency and monetary quantile scores (1..bins,
 * recent/frequent/big = high) are summed, and each sum maps to the smoothed positive rate of the training
 * customers with that sum. See {@link RfmScoreOptions}.
 */
public final class RfmScoreModelProvider implements ModelProvider {
    public static final String NAME = "rfm-score";
    static final int PAYLOAD_VERSION = 1;

    public RfmScoreModelProvider() {
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
        RfmScoreOptions bound = requireNonNull(context, "context is null").bindOptions(options, RfmScoreOptions.class);
        return data -> RfmScoreModel.train(bound, data);
    }

    @Override
    public Model load(ArtifactReader payload, int payloadVersion, ProviderContext context) {
        PayloadVersions.check(NAME, payloadVersion, PAYLOAD_VERSION, "the SDK");
        return RfmScoreModel.load(requireNonNull(payload, "payload is null"));
    }
}
