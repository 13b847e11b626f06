package io.deeppersona.testkit.builtin;

import io.deeppersona.core.features.RfmFeatureExtractorProvider;
import io.deeppersona.spi.FeatureExtractorProvider;
import io.deeppersona.testkit.FeatureExtractorContractTest;
import java.util.Map;

class RfmFeatureExtractorContractTest extends FeatureExtractorContractTest {
    @Override
    protected FeatureExtractorProvider provider() {
        return new RfmFeatureExtractorProvider();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of();
    }

}
