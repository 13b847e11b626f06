package io.deeppersona.core.preprocess;

import static io.deeppersona.core.preprocess.TestLogs.buy;
import static io.deeppersona.core.preprocess.TestLogs.event;
import static io.deeppersona.core.preprocess.TestLogs.fitApply;
import static io.deeppersona.core.preprocess.TestLogs.log;
import static io.deeppersona.core.preprocess.TestLogs.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventType;
import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.spi.PreprocessResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DedupeEventsTest {
    private final EventLog log = log(
            buy("c1", "a", 0), buy("c1", "a", 0), buy("c1", "b", 0), buy("c1", "a", 5),
            event("c1", "a", EventType.VIEW, 0, 1, 1, Map.of()),
            buy("c2", "a", 0), buy("c2", "a", 0), buy("c2", "a", 0),
            buy(null, "a", 0), buy(null, "a", 0));

    @Test
    void dropsRepeatsOnDefaultKeyKeepingTheFirst() {
        PreprocessResult result = fitApply(new DedupeEvents(DedupeEventsOptions.defaults()), log);

        assertThat(rows(result.events())).containsExactly(
                "c1 a 0", "c1 a 0", "c1 b 0", "c1 a 5", "c2 a 0", "- a 0");
        assertThat(result.dropped()).containsExactly(Map.entry("duplicate", 4L));
        assertThat(result.events().event(1).type()).isEqualTo(EventType.VIEW);
    }

    @Test
    void keyWithoutTypeMergesViewAndPurchase() {
        PreprocessResult result = fitApply(
                new DedupeEvents(new DedupeEventsOptions(List.of("customer", "item", "timestamp"))), log);

        assertThat(rows(result.events())).containsExactly("c1 a 0", "c1 b 0", "c1 a 5", "c2 a 0", "- a 0");
        assertThat(result.dropped()).containsEntry("duplicate", 5L);
    }

    @Test
    void keyWithoutCustomerComparesAcrossCustomers() {
        PreprocessResult result = fitApply(new DedupeEvents(new DedupeEventsOptions(List.of("item"))), log);

        assertThat(rows(result.events())).containsExactly("c1 a 0", "c1 b 0");
        assertThat(result.dropped()).containsEntry("duplicate", 8L);
    }

    @Test
    void largeGroupsUseTheHashPathWithTheSameResult() {
        EventLog many = log(buy("c1", "a", 0), buy("c1", "b", 0), buy("c1", "c", 0), buy("c1", "a", 0),
                buy("c1", "b", 0), buy("c1", "c", 0), buy("c1", "d", 0), buy("c1", "e", 0), buy("c1", "a", 0),
                buy("c1", "f", 0));

        PreprocessResult result = fitApply(new DedupeEvents(DedupeEventsOptions.defaults()), many);

        // Equal-time rows follow the log's canonical item order, so compare as a set.
        assertThat(rows(result.events())).containsExactlyInAnyOrder(
                "c1 a 0", "c1 b 0", "c1 c 0", "c1 d 0", "c1 e 0", "c1 f 0");
        assertThat(result.dropped()).containsEntry("duplicate", 4L);
    }

    @Test
    void quantityKeyTreatsUnknownQuantitiesAsEqual() {
        EventLog withNaN = log(event("c1", "a", EventType.PURCHASE, 0, Double.NaN, 1, Map.of()),
                event("c1", "a", EventType.PURCHASE, 0, Double.NaN, 1, Map.of()),
                event("c1", "a", EventType.PURCHASE, 0, 2, 1, Map.of()));

        PreprocessResult result = fitApply(new DedupeEvents(
                new DedupeEventsOptions(List.of("customer", "item", "timestamp", "quantity"))), withNaN);

        assertThat(result.events().size()).isEqualTo(2);
    }

    @Test
    void bindsOptionsStrictly() {
        DedupeEventsProvider provider = new DedupeEventsProvider();
        DefaultProviderContext context = DefaultProviderContext.create();

        assertThat(provider.create(Map.of(), context)).isInstanceOf(DedupeEvents.class);
        assertThatThrownBy(() -> provider.create(Map.of("keys", List.of("customer", "colour")), context))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("colour");
        assertThatThrownBy(() -> provider.create(Map.of("key", List.of("customer")), context))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("key");
    }
}
