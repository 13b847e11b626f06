package io.deeppersona.testkit.builtin;

import io.deeppersona.core.features.ItemSequenceFeatureExtractorProvider;
import io.deeppersona.spi.FeatureExtractorProvider;
import io.deeppersona.testkit.FeatureExtractorContractTest;
import java.util.Map;

class ItemSequenceFeatureExtractorContractTest extends FeatureExtractorContractTest {
    @Override
    protected FeatureExtractorProvider provider() {
        return new ItemSequenceFeatureExtractorProvider();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("length", 4);
    }

}
