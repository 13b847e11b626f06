package io.deeppersona.core.serving;

import io.deeppersona.api.artifact.ArtifactReader;
import io.deeppersona.core.models.EaseModelProvider;
import io.deeppersona.spi.Model;
import io.deeppersona.spi.ModelCapability;
import io.deeppersona.spi.ModelProvider;
import io.deeppersona.spi.ModelTrainer;
import io.deeppersona.spi.ProviderContext;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Loads EASE payloads, deployed under {@code name}, and hands out {@code wrap} of each loaded model. */
record WrappedEaseProvider(String name, UnaryOperator<Model> wrap) implements ModelProvider {
    private static final EaseModelProvider EASE = new EaseModelProvider();

    @Override
    public int payloadVersion() {
        return EASE.payloadVersion();
    }

    @Override
    public Set<ModelCapability> capabilities() {
        return EASE.capabilities();
    }

    @Override
    public ModelTrainer newTrainer(Map<String, Object> options, ProviderContext context) {
        throw new UnsupportedOperationException("only loads");
    }

    @Override
    public Model load(ArtifactReader payload, int payloadVersion, ProviderContext context) {
        return wrap.apply(EASE.load(payload, payloadVersion, context));
    }
}
