package io.deeppersona.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.deeppersona.api.CustomerEvent;
import io.deeppersona.api.EventLog;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.spi.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Reads the real UCI Online Retail file (52 MB of CSV, gzip); skipped when the shared data is absent. */
class OnlineRetailIngestTest {
    private static final Path FILE = Path.of("..", "..", "shared", "data", "uci-online-retail",
            "online_retail.csv.gz");

    static Map<String, Object> options() {
        return Map.of("path", FILE.toString(), "customer", "CustomerID", "item", "StockCode",
                "time", "InvoiceDate", "timeFormat", "yyyy-MM-dd HH:mm:ss", "quantity", "Quantity",
                "price", "UnitPrice", "attributes", List.of("InvoiceNo", "Description", "Country"));
    }

    @Test
    void readsEveryRowOfTheOnlineRetailFile() {
        Assumptions.assumeTrue(Files.exists(FILE), FILE + " absent, skipping");
        DefaultProviderContext context = DefaultProviderContext.create();
        DataSource source = new CsvDataSourceProvider().create(options(), context);

        long start = System.nanoTime();
        IngestResult result = Ingest.read(source, ErrorPolicy.FAIL_FAST, null, context);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("online_retail.csv.gz: %d rows in %.2f s = %.0f rows/s (Ingest.read into an EventLog)%n",
                result.read(), seconds, result.read() / seconds);

        EventLog events = result.events();
        assertThat(result.read()).isEqualTo(541_909);
        assertThat(result.read()).isEqualTo(result.accepted() + result.rejected());
        assertThat(result.report().rowsIn()).isEqualTo(result.read());
        assertThat(result.report().rowsOut()).isEqualTo(result.accepted());
        long withCustomer = 0;
        for (int row = 0; row < events.size(); row++) {
            if (events.customer(row) >= 0) {
                withCustomer++;
            }
        }
        assertThat(withCustomer).isEqualTo(406_829);
        assertThat(events.customerCount()).isEqualTo(4_372);
        assertThat(events.attributeNames()).containsExactlyInAnyOrder("InvoiceNo", "Description", "Country");
    }

    @Test
    void parsesTheFirstRowAsWritten() {
        Assumptions.assumeTrue(Files.exists(FILE), FILE + " absent, skipping");
        DataSource source = new CsvDataSourceProvider().create(options(), DefaultProviderContext.create());
        CollectingSink sink = new CollectingSink();
        try {
            source.read(new FirstOnly(sink));
        } catch (StopReading expected) {
            // the first event is all this test needs
        }
        CustomerEvent first = sink.accepted().get(0);
        assertThat(first.customerId()).isEqualTo("17850");
        assertThat(first.itemId()).isEqualTo("85123A");
        assertThat(first.timestamp()).hasToString("2010-12-01T08:26:00Z");
        assertThat(first.quantity()).isEqualTo(6);
        assertThat(first.value()).isEqualTo(6 * 2.55);
        assertThat(first.attributes()).containsEntry("Country", "United Kingdom").containsEntry("InvoiceNo", "536365");
    }

    /** Stops the read after the first event by throwing; enough to check one parsed row. */
    private record FirstOnly(CollectingSink delegate) implements io.deeppersona.spi.EventSink {
        @Override
        public void accept(CustomerEvent event) {
            delegate.accept(event);
            throw new StopReading();
        }

        @Override
        public void reject(io.deeppersona.api.RejectedRecord record) {
            delegate.reject(record);
        }
    }

    private static final class StopReading extends RuntimeException {
    }
}
