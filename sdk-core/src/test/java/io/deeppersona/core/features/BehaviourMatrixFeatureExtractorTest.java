package io.deeppersona.core.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.deeppersona.api.Catalogue;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventType;
import io.deeppersona.api.FeatureField;
import io.deeppersona.api.FeatureTable;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.spi.FittedFeatureExtractor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BehaviourMatrixFeatureExtractorTest {
    private static final Catalogue CATALOGUE = Catalogue.of(List.of(
            CategoryPreferenceFeatureExtractorTest.item("i1", "lighting"),
            CategoryPreferenceFeatureExtractorTest.item("i2", "kitchen")));
    private static final EventLog TRAINING = Logs.log()
            .event("a", "i1", EventType.VIEW, 25)
            .purchase("a", "i1", 28, 1)
            .event("a", "i2", EventType.VIEW, 15)
            .purchase("a", "i2", 2, 1)            // 28 days old: beyond two 10-day buckets
            .event("b", "i1", EventType.VIEW, 30) // the reference time
            .build();
    private static final Map<String, Object> OPTIONS =
            Map.of("bucketDays", 10, "buckets", 2, "maxCategories", 1, "logScale", false);

    private static FittedFeatureExtractor fit(Map<String, Object> options) {
        return new BehaviourMatrixFeatureExtractorProvider().create(options, DefaultProviderContext.create())
                .fit(TRAINING, CATALOGUE);
    }

    @Test
    void countsEventsPerBucketCategoryAndTypeRowMajor() {
        FittedFeatureExtractor fitted = fit(OPTIONS);
        FeatureTable table = fitted.extract(TRAINING, CATALOGUE);

        FeatureField field = fitted.schema().fields().get(0);
        assertThat(field.shape()).containsExactly(2, 2, 2);
        assertThat(field.labels()).containsExactly(
                "b0/lighting/view", "b0/lighting/purchase", "b0/other/view", "b0/other/purchase",
                "b1/lighting/view", "b1/lighting/purchase", "b1/other/view", "b1/other/purchase");
        assertThat(table.get("a").orElseThrow().numeric("behaviour_matrix")).containsExactly(1, 1, 0, 0, 0, 0, 1, 0);
        assertThat(table.get("b").orElseThrow().numeric("behaviour_matrix")).containsExactly(1, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void logScalesByDefault() {
        FittedFeatureExtractor fitted = fit(Map.of("bucketDays", 10, "buckets", 2, "maxCategories", 1));

        float one = (float) Math.log1p(1);
        assertThat(fitted.extract(TRAINING, CATALOGUE).get("a").orElseThrow().numeric("behaviour_matrix"))
                .containsExactly(one, one, 0, 0, 0, 0, one, 0);
    }

    @Test
    void laterEventsCountInBucketZeroAndUnseenTypesAreDropped() {
        EventLog later = Logs.log()
                .event("c", "i1", EventType.CLICK, 31)
                .event("c", "i1", EventType.VIEW, 40)
                .purchase("c", "new", 21, 1)
                .build();

        float[] values = fit(OPTIONS).extract(later, CATALOGUE).get("c").orElseThrow().numeric("behaviour_matrix");

        assertThat(values).containsExactly(1, 0, 0, 1, 0, 0, 0, 0);
    }
}
