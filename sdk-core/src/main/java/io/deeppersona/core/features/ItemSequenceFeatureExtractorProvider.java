package io.deeppersona.core.features;

import io.deeppersona.spi.FeatureExtractor;
import io.deeppersona.spi.FeatureExtractorProvider;
import io.deeppersona.spi.ProviderContext;
import java.util.Map;

/** Makes {@link ItemSequenceFeatureExtractor}s; options are {@link ItemSequenceOptions}. */
public final class ItemSequenceFeatureExtractorProvider implements FeatureExtractorProvider {
    public static final String NAME = "item-sequence";

    public ItemSequenceFeatureExtractorProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FeatureExtractor create(Map<String, Object> options, ProviderContext context) {
        return new ItemSequenceFeatureExtractor(context.bindOptions(options, ItemSequenceOptions.class));
    }
}
