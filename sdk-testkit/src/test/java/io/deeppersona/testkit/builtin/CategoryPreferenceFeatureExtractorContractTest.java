package io.deeppersona.testkit.builtin;

import io.deeppersona.api.Catalogue;
import io.deeppersona.core.features.CategoryPreferenceFeatureExtractorProvider;
import io.deeppersona.spi.FeatureExtractorProvider;
import io.deeppersona.testkit.FeatureExtractorContractTest;
import io.deeppersona.testkit.SampleEventLogs;
import java.util.Map;

class CategoryPreferenceFeatureExtractorContractTest extends FeatureExtractorContractTest {
    @Override
    protected FeatureExtractorProvider provider() {
        return new CategoryPreferenceFeatureExtractorProvider();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("maxCategories", 3, "weighting", "value");
    }

    @Override
    protected Catalogue catalogue() {
        return SampleEventLogs.catalogue();
    }
}
