package io.deeppersona.core.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.deeppersona.api.Catalogue;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventType;
import io.deeppersona.api.FeatureTable;
import io.deeppersona.core.DefaultProviderContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PurchaseFrequencyFeatureExtractorTest {
    private static final EventLog TRAINING = Logs.log()
            .purchase("a", "i1", 0, 1)
            .purchase("a", "i2", 0, 1)
            .purchase("a", "i1", 10, 1)
            .purchase("a", "i3", 20, 1)
            .purchase("c", "i1", 29.5, 1)
            .event("b", "i1", EventType.VIEW, 30)
            .build();

    private static FeatureTable extract(EventLog log) {
        return new PurchaseFrequencyFeatureExtractorProvider().create(Map.of(), DefaultProviderContext.create())
                .fit(TRAINING, Catalogue.empty()).extract(log, Catalogue.empty());
    }

    @Test
    void computesRateGapAndAge() {
        FeatureTable table = extract(TRAINING);

        // 3 occasions over 20 active days; gaps of 10 days; first purchase 30 days before the reference.
        assertThat(table.get("a").orElseThrow().numeric("purchase_frequency")).containsExactly(4.5f, 10f, 30f);
        // One occasion: the span is at least one day, and there is no gap.
        assertThat(table.get("c").orElseThrow().numeric("purchase_frequency")).containsExactly(30f, 0f, 0.5f);
        assertThat(table.get("b").orElseThrow().numeric("purchase_frequency")).containsExactly(0f, 0f, 0f);
    }

    @Test
    void laterLogUsesTheTrainingReferenceTime() {
        EventLog later = Logs.log().purchase("d", "x", 26, 1).purchase("d", "y", 28, 1).build();

        assertThat(extract(later).get("d").orElseThrow().numeric("purchase_frequency"))
                .containsExactly(30f, 2f, 4f);
    }
}
