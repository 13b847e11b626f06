package io.deeppersona.core.features;

import io.deeppersona.spi.FeatureExtractor;
import io.deeppersona.spi.FeatureExtractorProvider;
import io.deeppersona.spi.ProviderContext;
import java.util.Map;

/** Makes {@link PurchaseFrequencyFeatureExtractor}s; options are {@link PurchaseFrequencyOptions}. */
public final class PurchaseFrequencyFeatureExtractorProvider implements FeatureExtractorProvider {
    public static final String NAME = "purchase-frequency";

    public PurchaseFrequencyFeatureExtractorProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FeatureExtractor create(Map<String, Object> options, ProviderContext context) {
        return new PurchaseFrequencyFeatureExtractor(context.bindOptions(options, PurchaseFrequencyOptions.class));
    }
}
