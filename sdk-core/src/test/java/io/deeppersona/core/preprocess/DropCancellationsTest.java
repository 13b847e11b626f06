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

class DropCancellationsTest {
    private final EventLog log = log(
            event("c1", "a", EventType.PURCHASE, 0, 2, 5, Map.of("InvoiceNo", "536365")),
            event("c1", "a", EventType.PURCHASE, 1, -2, -5, Map.of("InvoiceNo", "C536379")),
            event("c1", "b", EventType.PURCHASE, 2, -1, -3, Map.of("InvoiceNo", "536380")),
            event("c1", "c", EventType.PURCHASE, 3, 1, 0, Map.of("InvoiceNo", "536381")),
            event("c1", "d", EventType.RETURN, 4, 1, 3, Map.of()),
            event("c2", "e", EventType.VIEW, 0, Double.NaN, Double.NaN, Map.of()));

    @Test
    void dropsEachRowUnderItsFirstReason() {
        PreprocessResult result = new DropCancellations(DropCancellationsOptions.defaults()).apply(log);

        assertThat(rows(result.events())).containsExactly("c1 a 0", "c2 e 0");
        assertThat(result.dropped()).containsExactly(Map.entry("cancelled-invoice", 1L),
                Map.entry("negative-quantity", 1L), Map.entry("non-positive-value", 1L),
                Map.entry("return-event", 1L));
    }

    @Test
    void switchedOffChecksKeepTheirRows() {
        DropCancellations step = new DropCancellations(
                new DropCancellationsOptions("InvoiceNo", "C", false, false, false));

        PreprocessResult result = step.apply(log);

        assertThat(rows(result.events())).containsExactly("c1 a 0", "c1 b 2", "c1 c 3", "c1 d 4", "c2 e 0");
        assertThat(result.dropped()).containsEntry("cancelled-invoice", 1L);
    }

    @Test
    void logWithoutInvoiceColumnHasNoCancellations() {
        PreprocessResult result = new DropCancellations(
                new DropCancellationsOptions("Invoice", null, null, null, null)).apply(log);

        assertThat(result.dropped()).containsEntry("cancelled-invoice", 0L).containsEntry("negative-quantity", 2L);
    }

    @Test
    void rejectsEmptyPrefix() {
        assertThatThrownBy(() -> new DropCancellationsProvider()
                .create(Map.of("cancelPrefix", ""), DefaultProviderContext.create()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("cancelPrefix");
    }
}
