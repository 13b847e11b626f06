package io.deeppersona.testkit.builtin;

import io.deeppersona.core.features.PurchaseFrequencyFeatureExtractorProvider;
import io.deeppersona.spi.FeatureExtractorProvider;
import io.deeppersona.testkit.FeatureExtractorContractTest;
import java.util.Map;

class PurchaseFrequencyFeatureExtractorContractTest extends FeatureExtractorContractTest {
    @Override
    protected FeatureExtractorProvider provider() {
        return new PurchaseFrequencyFeatureExtractorProvider();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of();
    }

}
