package io.deeppersona.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.CustomerEvent;
import io.deeppersona.api.EventType;
import io.deeppersona.api.RejectedRecord;
import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.core.DefaultProviderContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordParserTest {
    private static final List<String> HEADER = List.of("InvoiceNo", "StockCode", "Quantity", "InvoiceDate",
            "UnitPrice", "CustomerID", "Country");

    private static ColumnMapping retail() {
        return DefaultProviderContext.create().bindOptions(Map.of("customer", "CustomerID", "item", "StockCode",
                "time", "InvoiceDate", "timeFormat", "yyyy-MM-dd HH:mm:ss", "quantity", "Quantity",
                "price", "UnitPrice", "attributes", List.of("InvoiceNo", "Country")), ColumnMapping.class);
    }

    private static CollectingSink parse(ColumnMapping mapping, List<String> header, String... values) {
        CollectingSink sink = new CollectingSink();
        new RecordParser("retail.csv", mapping, header).parseInto(values, 7, sink, v -> String.join(",", v));
        return sink;
    }

    @Test
    void turnsARowIntoAnEventWithValueFromQuantityTimesPrice() {
        CollectingSink sink = parse(retail(), HEADER, "536365", "85123A", "6", "2010-12-01 08:26:00", "2.55",
                "17850", "United Kingdom");
        assertThat(sink.rejected()).isEmpty();
        CustomerEvent event = sink.accepted().get(0);
        assertThat(event.customerId()).isEqualTo("17850");
        assertThat(event.itemId()).isEqualTo("85123A");
        assertThat(event.type()).isEqualTo(EventType.PURCHASE);
        assertThat(event.timestamp()).hasToString("2010-12-01T08:26:00Z");
        assertThat(event.quantity()).isEqualTo(6);
        assertThat(event.value()).isEqualTo(6 * 2.55);
        assertThat(event.attributes()).isEqualTo(Map.of("InvoiceNo", "536365", "Country", "United Kingdom"));
    }

    @Test
    void emptyCustomerIsMissingAndEmptyNumbersAreNaN() {
        CollectingSink sink = parse(retail(), HEADER, "536365", "85123A", "", "2010-12-01 08:26:00", "", "", "");
        CustomerEvent event = sink.accepted().get(0);
        assertThat(event.customerId()).isNull();
        assertThat(event.quantity()).isNaN();
        assertThat(event.value()).isNaN();
        assertThat(event.attributes()).containsOnlyKeys("InvoiceNo");
    }

    @Test
    void badTimeIsRejectedWithFieldLineAndExpectation() {
        CollectingSink sink = parse(retail(), HEADER, "536365", "85123A", "6", "2011-13-01 08:26:00", "2.55",
                "17850", "United Kingdom");
        assertThat(sink.accepted()).isEmpty();
        RejectedRecord rejected = sink.rejected().get(0);
        assertThat(rejected.source()).isEqualTo("retail.csv");
        assertThat(rejected.line()).isEqualTo(7);
        assertThat(rejected.field()).isEqualTo("InvoiceDate");
        assertThat(rejected.reason())
                .isEqualTo("cannot parse '2011-13-01 08:26:00' as time with pattern yyyy-MM-dd HH:mm:ss")
                .doesNotContain("17850");
        assertThat(rejected.rawRecord()).contains("17850");
    }

    @Test
    void badNumberEmptyItemAndBadTypeAreRejectedByField() {
        assertThat(parse(retail(), HEADER, "1", "A", "six", "2010-12-01 08:26:00", "2", "c", "").rejected())
                .singleElement().satisfies(r -> {
                    assertThat(r.field()).isEqualTo("Quantity");
                    assertThat(r.reason()).contains("'six'").contains("number");
                });
        assertThat(parse(retail(), HEADER, "1", " ", "1", "2010-12-01 08:26:00", "2", "c", "").rejected())
                .singleElement().extracting(RejectedRecord::field).isEqualTo("StockCode");
        ColumnMapping typed = ColumnMapping.defaults().withTypeQuantityValueColumns("type", null, "value");
        List<String> header = List.of("customer", "item", "timestamp", "type", "value");
        assertThat(parse(typed, header, "c", "i", "2024-01-01T00:00:00Z", "buy it!", "1").rejected())
                .singleElement().satisfies(r -> {
                    assertThat(r.field()).isEqualTo("type");
                    assertThat(r.reason()).contains("'buy it!'").contains("lower-kebab");
                });
        assertThat(parse(typed, header, "c", "i", "2024-01-01T00:00:00Z", "Add_To_Cart", "1.5").accepted())
                .singleElement().satisfies(e -> {
                    assertThat(e.type()).isEqualTo(EventType.ADD_TO_CART);
                    assertThat(e.quantity()).isEqualTo(1);
                    assertThat(e.value()).isEqualTo(1.5);
                });
        assertThat(parse(typed, header, "c", "i", "2024-01-01T00:00:00Z", "", "").accepted())
                .singleElement().extracting(CustomerEvent::type).isEqualTo(EventType.PURCHASE);
    }

    @Test
    void missingMappedColumnNamesItAndListsTheHeader() {
        assertThatThrownBy(() -> new RecordParser("retail.csv", retail(), List.of("StockCode", "InvoiceDate")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'CustomerID'")
                .hasMessageContaining("[StockCode, InvoiceDate]");
    }

    @Test
    void aSinkFailureIsNotTakenForABadRecord() {
        io.deeppersona.spi.EventSink failing = new io.deeppersona.spi.EventSink() {
            @Override
            public void accept(CustomerEvent event) {
                throw new IllegalArgumentException("sink is full");
            }

            @Override
            public void reject(RejectedRecord record) {
                throw new AssertionError("not a bad record");
            }
        };
        RecordParser parser = new RecordParser("x", ColumnMapping.defaults(),
                List.of("customer", "item", "timestamp"));
        assertThatThrownBy(() -> parser.parseInto(new String[] {"c", "i", "2024-01-01T00:00:00Z"}, 1, failing,
                v -> "")).hasMessage("sink is full");
    }
}
