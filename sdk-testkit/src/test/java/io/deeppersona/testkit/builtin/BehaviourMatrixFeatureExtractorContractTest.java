package io.deeppersona.testkit.builtin;

import io.deeppersona.api.Catalogue;
import io.deeppersona.core.features.BehaviourMatrixFeatureExtractorProvider;
import io.deeppersona.spi.FeatureExtractorProvider;
import io.deeppersona.testkit.FeatureExtractorContractTest;
import io.deeppersona.testkit.SampleEventLogs;
import java.util.Map;

class BehaviourMatrixFeatureExtractorContractTest extends FeatureExtractorContractTest {
    @Override
    protected FeatureExtractorProvider provider() {
        return new BehaviourMatrixFeatureExtractorProvider();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("bucketDays", 15, "buckets", 6, "maxCategories", 3);
    }

    @Override
    protected Catalogue catalogue() {
        return SampleEventLogs.catalogue();
    }
}
