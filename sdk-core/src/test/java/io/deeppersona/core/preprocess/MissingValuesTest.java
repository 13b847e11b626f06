package io.deeppersona.core.preprocess;

import static io.deeppersona.core.preprocess.TestLogs.event;
import static io.deeppersona.core.preprocess.TestLogs.log;
import static io.deeppersona.core.preprocess.TestLogs.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventType;
import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.spi.PreprocessResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MissingValuesTest {
    private static final double NAN = Double.NaN;
    private final EventLog log = log(
            event("c1", "a", EventType.PURCHASE, 0, 1, 2, Map.of("Country", "UK")),
            event("c1", "b", EventType.PURCHASE, 1, NAN, 2, Map.of()),
            event("c1", "c", EventType.PURCHASE, 2, 1, NAN, Map.of("Country", "FR")),
            event("c2", "a", EventType.PURCHASE, 0, NAN, NAN, Map.of()),
            event(null, "a", EventType.PURCHASE, 0, NAN, 2, Map.of("Country", "UK")));

    @Test
    void defaultsDropOnlyEventsWithoutCustomer() {
        PreprocessResult result = new MissingValues(MissingValuesOptions.defaults()).apply(log);

        assertThat(rows(result.events())).containsExactly("c1 a 0", "c1 b 1", "c1 c 2", "c2 a 0");
        assertThat(result.dropped()).containsExactly(Map.entry("missing-customer", 1L));
    }

    @Test
    void countsEachRowUnderItsFirstReason() {
        MissingValues step = new MissingValues(new MissingValuesOptions("drop", "drop", "drop",
                Map.of("Country", "drop")));

        PreprocessResult result = step.apply(log);

        assertThat(rows(result.events())).containsExactly("c1 a 0");
        assertThat(result.dropped()).containsExactly(Map.entry("missing-customer", 1L),
                Map.entry("missing-quantity", 2L), Map.entry("missing-value", 1L),
                Map.entry("missing-attribute-Country", 0L));
    }

    @Test
    void fillsAreCountedApartFromDrops() {
        MissingValues step = new MissingValues(new MissingValuesOptions("keep", "fill:1", "fill:0",
                Map.of("Country", "fill:unknown")));

        MissingValuesResult result = step.applyWithFills(log);

        EventLog out = result.result().events();
        assertThat(out.size()).isEqualTo(log.size());
        assertThat(result.result().dropped()).isEmpty();
        assertThat(result.filled()).containsExactly(Map.entry("quantity", 3L), Map.entry("value", 2L),
                Map.entry("Country", 2L));
        assertThat(out.event(1).quantity()).isEqualTo(1.0);
        assertThat(out.event(2).value()).isEqualTo(0.0);
        assertThat(out.event(3).attributes()).containsEntry("Country", "unknown");
        assertThat(out.event(0).attributes()).containsEntry("Country", "UK");
        assertThat(log.event(1).quantity()).isNaN();
    }

    @Test
    void attributeAbsentFromTheLogIsMissingEverywhere() {
        EventLog noAttributes = log(event("c1", "a", EventType.VIEW, 0, 1, NAN, Map.of()));

        assertThat(new MissingValues(new MissingValuesOptions(null, null, null, Map.of("segment", "fill:x")))
                .apply(noAttributes).events().event(0).attributes()).containsEntry("segment", "x");
        assertThat(new MissingValues(new MissingValuesOptions(null, null, null, Map.of("segment", "drop")))
                .apply(noAttributes).dropped()).containsEntry("missing-attribute-segment", 1L);
    }

    @Test
    void rejectsBadPolicies() {
        MissingValuesProvider provider = new MissingValuesProvider();
        DefaultProviderContext context = DefaultProviderContext.create();

        assertThatThrownBy(() -> provider.create(Map.of("customer", "fill:anon"), context))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("cannot be filled");
        assertThatThrownBy(() -> provider.create(Map.of("quantity", "fill:lots"), context))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("fill:lots");
        assertThatThrownBy(() -> provider.create(Map.of("value", "zero"), context))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'value' is 'zero'");
        assertThatThrownBy(() -> provider.create(Map.of("attributes", Map.of("Country", "guess")), context))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("attributes.Country");
    }
}
