package io.deeppersona.core.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.CustomerEvent;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ColumnarEventLogTest {
    private static final Instant T0 = Instant.parse("2011-01-01T00:00:00Z");

    private static CustomerEvent event(String customer, String item, int minutes) {
        return CustomerEvent.purchase(customer, item, T0.plusSeconds(60L * minutes), 1, 2.5);
    }

    @Test
    void sortsByCustomerThenTimeThenItem() {
        EventLog log = ColumnarEventLog.builder()
                .add(event("b", "x", 5))
                .add(event("a", "y", 9))
                .add(event("b", "z", 1))
                .add(event("a", "x", 9))
                .add(event(null, "q", 0))
                .add(event("a", "w", 2))
                .build();

        List<String> rows = new ArrayList<>();
        for (int row = 0; row < log.size(); row++) {
            CustomerEvent e = log.event(row);
            rows.add(e.customerId() + ":" + e.itemId());
        }
        // Items x and y tie at minute 9; their order is canonical (see rowOrderDoesNotDependOnArrivalOrder).
        assertThat(rows).hasSize(6).startsWith("b:z", "b:x", "a:w").endsWith("null:q")
                .containsSubsequence("a:w", "a:x").containsSubsequence("a:w", "a:y");
        assertThat(log.customerRowsStart(log.customerIndex("a"))).isEqualTo(2);
        assertThat(log.customerRowsEnd(log.customerIndex("a"))).isEqualTo(5);
        assertThat(log.customer(5)).isEqualTo(-1);
    }

    @Test
    void rowOrderDoesNotDependOnArrivalOrder() {
        EventLog forward = ColumnarEventLog.builder()
                .add(event("a", "p", 1)).add(event("a", "o", 1)).add(event("a", "n", 1)).build();
        EventLog backward = ColumnarEventLog.builder()
                .add(event("a", "n", 1)).add(event("a", "p", 1)).add(event("a", "o", 1)).build();

        for (int row = 0; row < 3; row++) {
            assertThat(forward.itemId(forward.item(row))).isEqualTo(backward.itemId(backward.item(row)));
        }

    }

    @Test
    void keepsAttributesAsColumnsAndMissingAsNull() {
        EventLog log = ColumnarEventLog.builder()
                .add(event("a", "x", 1))
                .add(new CustomerEvent("a", "y", EventType.VIEW, T0.plusSeconds(600), Double.NaN, Double.NaN,
                        Map.of("InvoiceNo", "C536379")))
                .build();

        assertThat(log.attributeNames()).containsExactly("InvoiceNo");
        assertThat(log.attribute(0, 0)).isNull();
        assertThat(log.attribute(1, 0)).isEqualTo("C536379");
        assertThat(log.event(1).attributes()).containsEntry("InvoiceNo", "C536379");
        assertThat(log.quantity(1)).isNaN();
        assertThat(log.eventTypes()).containsExactly(EventType.PURCHASE, EventType.VIEW);
        assertThat(log.withoutAttributes(Set.of("InvoiceNo")).attributeNames()).isEmpty();
    }

    @Test
    void filterKeepsOrderAndSharesDictionaries() {
        ColumnarEventLog log = ColumnarEventLog.builder()
                .add(event("a", "x", 1)).add(event("a", "y", 2)).add(event("b", "x", 3)).build();
        BitSet keep = new BitSet();
        keep.set(1);
        keep.set(2);

        ColumnarEventLog filtered = log.filter(keep);

        assertThat(filtered.size()).isEqualTo(2);
        assertThat(filtered.itemId(filtered.item(0))).isEqualTo("y");
        assertThat(filtered.customerCount()).isEqualTo(2);
        assertThat(filtered.itemIndex("x")).isEqualTo(log.itemIndex("x"));
        assertThat(filtered.customerRowsEnd(filtered.customerIndex("a"))
                - filtered.customerRowsStart(filtered.customerIndex("a"))).isEqualTo(1);
    }

    @Test
    void mapCustomerIdsMergesAndResorts() {
        EventLog log = ColumnarEventLog.builder()
                .add(event("a", "x", 3)).add(event("b", "y", 1)).add(event("c", "z", 2)).build();

        EventLog mapped = log.mapCustomerIds(id -> id.equals("c") ? "A" : id.toUpperCase());

        assertThat(mapped.customerCount()).isEqualTo(2);
        int merged = mapped.customerIndex("A");
        assertThat(mapped.customerRowsEnd(merged) - mapped.customerRowsStart(merged)).isEqualTo(2);
        assertThat(mapped.itemId(mapped.item(mapped.customerRowsStart(merged)))).isEqualTo("z");
    }

    @Test
    void builderIsSingleUse() {
        ColumnarEventLogBuilder builder = ColumnarEventLog.builder();
        builder.build();
        assertThatThrownBy(() -> builder.add(event("a", "x", 1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void randomOrderInputSortsLikeAReferenceSort() {
        Random random = new Random(42);
        ColumnarEventLogBuilder builder = ColumnarEventLog.builder();
        for (int i = 0; i < 5_000; i++) {
            int customer = random.nextInt(50);
            int item = random.nextInt(30);
            int minute = random.nextInt(1_000);
            builder.add(event("c" + customer, "i" + item, minute));
        }
        ColumnarEventLog log = builder.build();
        for (int row = 1; row < log.size(); row++) {
            if (log.customer(row) == log.customer(row - 1)) {
                assertThat(log.timestampMillis(row)).isGreaterThanOrEqualTo(log.timestampMillis(row - 1));
            } else {
                assertThat(log.customer(row)).isGreaterThan(log.customer(row - 1));
            }
        }
        assertThat(log.size()).isEqualTo(5_000);
        assertThat(log.estimatedBytes()).isGreaterThan(25L * 5_000);
    }
}
