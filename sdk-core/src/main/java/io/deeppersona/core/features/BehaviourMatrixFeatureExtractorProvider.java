package io.deeppersona.core.features;

import io.deeppersona.spi.FeatureExtractor;
import io.deeppersona.spi.FeatureExtractorProvider;
import io.deeppersona.spi.ProviderContext;
import java.util.Map;

/** Makes {@link BehaviourMatrixFeatureExtractor}s; options are {@link BehaviourMatrixOptions}. */
public final class BehaviourMatrixFeatureExtractorProvider implements FeatureExtractorProvider {
    public static final String NAME = "behaviour-matrix";

    public BehaviourMatrixFeatureExtractorProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FeatureExtractor create(Map<String, Object> options, ProviderContext context) {
        return new BehaviourMatrixFeatureExtractor(context.bindOptions(options, BehaviourMatrixOptions.class));
    }
}
