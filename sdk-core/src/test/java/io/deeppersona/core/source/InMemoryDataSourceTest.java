package io.deeppersona.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.deeppersona.api.CustomerEvent;
import io.deeppersona.api.EventType;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.spi.DataSource;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryDataSourceTest {
    @Test
    void replaysHostEvents() {
        List<CustomerEvent> events = List.of(CustomerEvent.purchase("c1", "i1", Instant.EPOCH, 1, 2),
                CustomerEvent.of(null, "i2", EventType.VIEW, Instant.EPOCH));
        DataSource source = InMemoryDataSource.of("host", events);
        CollectingSink sink = new CollectingSink();
        source.read(sink);
        assertThat(sink.accepted()).isEqualTo(events);
        assertThat(source.description()).isEqualTo("host");
    }

    @Test
    void providerParsesRecordsFromOptions() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("customer", "c3");
        bad.put("item", "i3");
        bad.put("timestamp", "yesterday");
        List<Map<String, Object>> records = List.of(
                Map.of("customer", "c1", "item", "i1", "timestamp", "2024-01-01T00:00:00Z", "type", "view",
                        "channel", "email"),
                Map.of("item", "i2", "timestamp", "2024-01-02T00:00:00Z", "quantity", 2, "value", 9.5),
                bad);
        DataSource source = new InMemoryDataSourceProvider().create(Map.of("events", records),
                DefaultProviderContext.create());
        CollectingSink sink = new CollectingSink();
        source.read(sink);

        assertThat(sink.accepted()).hasSize(2);
        assertThat(sink.accepted().get(0).type()).isEqualTo(EventType.VIEW);
        assertThat(sink.accepted().get(0).attributes()).isEqualTo(Map.of("channel", "email"));
        assertThat(sink.accepted().get(0).quantity()).isNaN();
        assertThat(sink.accepted().get(1).customerId()).isNull();
        assertThat(sink.accepted().get(1).type()).isEqualTo(EventType.PURCHASE);
        assertThat(sink.accepted().get(1).value()).isEqualTo(9.5);
        assertThat(sink.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.field()).isEqualTo("timestamp");
            assertThat(r.source()).isEqualTo("in-memory");
        });
    }
}
