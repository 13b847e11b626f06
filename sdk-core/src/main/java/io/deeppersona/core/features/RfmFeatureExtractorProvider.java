package io.deeppersona.core.features;

import io.deeppersona.spi.FeatureExtractor;
import io.deeppersona.spi.FeatureExtractorProvider;
import io.deeppersona.spi.ProviderContext;
import java.util.Map;

/** Makes {@link RfmFeatureExtractor}s; options are {@link RfmOptions}. */
public final class RfmFeatureExtractorProvider implements FeatureExtractorProvider {
    public static final String NAME = "rfm";

    public RfmFeatureExtractorProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FeatureExtractor create(Map<String, Object> options, ProviderContext context) {
        return new RfmFeatureExtractor(context.bindOptions(options, RfmOptions.class));
    }
}
