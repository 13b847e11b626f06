package io.deeppersona.dl4j;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.artifact.ArtifactReader;
import io.deeppersona.api.error.ArtifactException;
import io.deeppersona.core.artifact.PayloadVersions;
import io.deeppersona.dl4j.internal.CaserPayload;
import io.deeppersona.dl4j.internal.CaserVocabulary;
import io.deeppersona.spi.Model;
import io.deeppersona.spi.ModelCapability;
import io.deeppersona.spi.ModelProvider;
import io.deeppersona.spi.ModelTrainer;
import io.deeppersona.spi.ProviderContext;
import java.util.Map;
import java.util.Set;

/**
 * The {@code caser-cnn} next-item recommender (Tang &amp; Wang, WSDM 2018): convolutions over the embeddings of a
 * customer's last L items plus a customer embedding, scored against every item. Options: {@link CaserCnnOptions};
 * design and figures: docs/caser-cnn.md.
 */
public final class CaserCnnModelProvider implements ModelProvider {
    public static final String NAME = "caser-cnn";
    static final int PAYLOAD_VERSION = 1;

    public CaserCnnModelProvider() {
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
        return Set.of(ModelCapability.RECOMMEND, ModelCapability.CONCURRENT_RECOMMEND, ModelCapability.SEEDED,
                ModelCapability.VALIDATES);
    }

    @Override
    public ModelTrainer newTrainer(Map<String, Object> options, ProviderContext context) {
        requireNonNull(context, "context is null");
        CaserCnnOptions bound = context.bindOptions(options, CaserCnnOptions.class);
        return new CaserCnnTrainer(bound, context.trainingListener());
    }

    @Override
    public Model load(ArtifactReader payload, int payloadVersion, ProviderContext context) {
        requireNonNull(payload, "payload is null");
        requireNonNull(context, "context is null");
        PayloadVersions.check(NAME, payloadVersion, PAYLOAD_VERSION, "sdk-dl4j-backend");
        CaserPayload.Loaded loaded = CaserPayload.read(payload);
        CaserCnnOptions options;
        try {
            options = context.bindOptions(loaded.state().options(), CaserCnnOptions.class);
        } catch (RuntimeException e) {
            throw new ArtifactException("Model payload of provider '" + NAME + "' has invalid options: "
                    + e.getMessage(), e);
        }
        CaserVocabulary vocabulary = loaded.vocabulary();
        long outputs = loaded.network().getOutputLayer(0).getParam("b").length();
        if (outputs != vocabulary.itemCount()) {
            throw new ArtifactException("Model payload of provider '" + NAME + "' is inconsistent: the network "
                    + "scores " + outputs + " items but the vocabulary has " + vocabulary.itemCount());
        }
        Map<String, Double> scores = loaded.state().validationScores() == null
                ? Map.of() : loaded.state().validationScores();
        return new CaserCnnModel(options, vocabulary, loaded.network(), scores);
    }
}
