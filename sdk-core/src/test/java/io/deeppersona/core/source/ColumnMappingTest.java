package io.deeppersona.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.core.DefaultProviderContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnMappingTest {
    private final DefaultProviderContext context = DefaultProviderContext.create();

    @Test
    void absentOptionsKeepTheDefaults() {
        ColumnMapping mapping = context.bindOptions(Map.of(), ColumnMapping.class);
        assertThat(mapping).isEqualTo(ColumnMapping.defaults());
        assertThat(mapping.customer()).isEqualTo("customer");
        assertThat(mapping.item()).isEqualTo("item");
        assertThat(mapping.time()).isEqualTo("timestamp");
        assertThat(mapping.eventType()).isEqualTo("purchase");
        assertThat(mapping.timeFormat()).isEqualTo("iso");
        assertThat(mapping.timeZone()).isEqualTo("UTC");
        assertThat(mapping.attributes()).isEmpty();
        assertThat(mapping.columns()).containsExactly("customer", "item", "timestamp");
    }

    @Test
    void bindsEveryOption() {
        ColumnMapping mapping = context.bindOptions(Map.of("customer", "CustomerID", "item", "StockCode",
                "time", "InvoiceDate", "type", "Kind", "eventType", "View", "quantity", "Quantity",
                "price", "UnitPrice", "attributes", List.of("Country"), "timeFormat", "yyyy-MM-dd HH:mm:ss",
                "timeZone", "Europe/London"), ColumnMapping.class);
        assertThat(mapping.eventType()).isEqualTo("view");
        assertThat(mapping.columns()).containsExactly("CustomerID", "StockCode", "InvoiceDate", "Kind", "Quantity",
                "UnitPrice", "Country");
    }

    @Test
    void refusesValueAndPriceTogether() {
        assertThatThrownBy(() -> context.bindOptions(Map.of("value", "v", "price", "p"), ColumnMapping.class))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'value'").hasMessageContaining("'price'");
    }

    @Test
    void refusesAnInvalidTimeFormatZoneOrType() {
        assertThatThrownBy(() -> context.bindOptions(Map.of("timeFormat", "yyyy-MM-dd {{"), ColumnMapping.class))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("yyyy-MM-dd {{");
        assertThatThrownBy(() -> context.bindOptions(Map.of("timeZone", "Mars/Olympus"), ColumnMapping.class))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("Mars/Olympus");
        assertThatThrownBy(() -> context.bindOptions(Map.of("eventType", "buy!"), ColumnMapping.class))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("buy!");
        assertThatThrownBy(() -> context.bindOptions(Map.of("attributes", List.of("a", "a")), ColumnMapping.class))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("twice");
    }

    @Test
    void unknownSourceOptionListsMappingOptionsToo() {
        assertThatThrownBy(() -> new CsvDataSourceProvider().create(Map.of("path", "x.csv", "custmer", "c"),
                context))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("custmer")
                .hasMessageContaining("delimiter")
                .hasMessageContaining("customer");
    }
}
