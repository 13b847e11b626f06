package io.deeppersona.core.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.deeppersona.api.Catalogue;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventType;
import io.deeppersona.api.FeatureKind;
import io.deeppersona.api.FeatureTable;
import io.deeppersona.core.DefaultProviderContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemSequenceFeatureExtractorTest {
    private static final EventLog LOG = Logs.log()
            .event("a", "x", EventType.VIEW, 1)
            .purchase("a", "x", 2, 1)
            .event("a", "y", EventType.VIEW, 3)
            .purchase("a", "x", 4, 1)
            .event("a", "z", EventType.VIEW, 5)
            .event("a", "z", EventType.CLICK, 6)
            .event("b", "y", EventType.VIEW, 1)
            .build();

    private static FeatureTable extract(Map<String, Object> options) {
        return new ItemSequenceFeatureExtractorProvider().create(options, DefaultProviderContext.create())
                .fit(LOG, Catalogue.empty()).extract(LOG, Catalogue.empty());
    }

    @Test
    void keepsTheLatestItemsOldestFirstCollapsingRepeats() {
        FeatureTable table = extract(Map.of());

        assertThat(table.schema().fields().get(0).kind()).isEqualTo(FeatureKind.ITEM_SEQUENCE);
        assertThat(table.schema().fields().get(0).shape()).containsExactly(5);
        assertThat(table.get("a").orElseThrow().sequence("item_sequence")).containsExactly("x", "y", "x", "z");
        assertThat(table.get("b").orElseThrow().sequence("item_sequence")).containsExactly("y");
    }

    @Test
    void truncatesToLengthWithoutCollapsing() {
        FeatureTable table = extract(Map.of("length", 3, "collapseRepeats", false));

        assertThat(table.get("a").orElseThrow().sequence("item_sequence")).containsExactly("x", "z", "z");
    }

    @Test
    void eventTypesSelectRows() {
        FeatureTable table = extract(Map.of("eventTypes", List.of("purchase")));

        assertThat(table.get("a").orElseThrow().sequence("item_sequence")).containsExactly("x");
        assertThat(table.get("b").orElseThrow().sequence("item_sequence")).isEmpty();
    }
}
