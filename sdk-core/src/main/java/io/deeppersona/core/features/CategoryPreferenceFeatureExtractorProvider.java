package io.deeppersona.core.features;

import io.deeppersona.spi.FeatureExtractor;
import io.deeppersona.spi.FeatureExtractorProvider;
import io.deeppersona.spi.ProviderContext;
import java.util.Map;

/** Makes {@link CategoryPreferenceFeatureExtractor}s; options are {@link CategoryPreferenceOptions}. */
public final class CategoryPreferenceFeatureExtractorProvider implements FeatureExtractorProvider {
    public static final String NAME = "category-preference";

    public CategoryPreferenceFeatureExtractorProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FeatureExtractor create(Map<String, Object> options, ProviderContext context) {
        return new CategoryPreferenceFeatureExtractor(
                context.bindOptions(options, CategoryPreferenceOptions.class));
    }
}
