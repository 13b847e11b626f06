package io.deeppersona.core.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.deeppersona.api.CustomerEvent;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventType;
import io.deeppersona.core.eventlog.ColumnarEventLog;
import io.deeppersona.core.eventlog.ColumnarEventLogBuilder;
import io.deeppersona.spi.PreprocessResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs the usual cleaning chain over the real UCI Online Retail data and checks every count against figures computed
 * independently (Python csv, the same rules). Skips when the shared data is absent.
 */
class OnlineRetailPreprocessingTest {
    private static final Path DATA = Path.of("..", "..", "shared", "data", "uci-online-retail", "online_retail.csv.gz");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Test
    void cleaningChainMatchesTheReferenceCounts() throws IOException {
        Assumptions.assumeTrue(Files.exists(DATA), DATA + " absent, skipping");
        EventLog raw = read(DATA);
        assertThat(raw.size()).isEqualTo(541_909);

        PreprocessResult missing = timed("missing-values", raw,
                new MissingValues(MissingValuesOptions.defaults()));
        PreprocessResult cancellations = timed("drop-cancellations", missing.events(),
                new DropCancellations(DropCancellationsOptions.defaults()));
        PreprocessResult nonProducts = timed("non-product-items", cancellations.events(),
                new NonProductItems(NonProductItemsOptions.defaults()));
        PreprocessResult dedupe = timed("dedupe-events", nonProducts.events(),
                new DedupeEvents(new DedupeEventsOptions(List.of("customer", "item", "timestamp"))));

        assertThat(missing.dropped()).containsExactly(Map.entry("missing-customer", 135_080L));
        assertThat(cancellations.dropped()).containsExactly(Map.entry("cancelled-invoice", 8_905L),
                Map.entry("negative-quantity", 0L), Map.entry("non-positive-value", 40L),
                Map.entry("return-event", 0L));
        assertThat(nonProducts.dropped()).containsExactly(Map.entry("non-product-item", 1_547L));
        assertThat(dedupe.dropped()).containsExactly(Map.entry("duplicate", 10_087L));
        assertThat(dedupe.events().size()).isEqualTo(386_250);
    }

    private static PreprocessResult timed(String name, EventLog in, io.deeppersona.spi.Preprocessor step) {
        long start = System.nanoTime();
        PreprocessResult result = step.fit(in).apply(in);
        System.out.printf("%s: %d -> %d rows in %d ms%n", name, in.size(), result.events().size(),
                (System.nanoTime() - start) / 1_000_000);
        return result;
    }

    private static EventLog read(Path path) throws IOException {
        ColumnarEventLogBuilder builder = ColumnarEventLog.builder();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path));
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                String customer = row.get("CustomerID");
                double quantity = Double.parseDouble(row.get("Quantity"));
                builder.add(new CustomerEvent(customer.isEmpty() ? null : customer, row.get("StockCode"),
                        EventType.PURCHASE,
                        LocalDateTime.parse(row.get("InvoiceDate"), DATE).toInstant(ZoneOffset.UTC), quantity,
                        quantity * Double.parseDouble(row.get("UnitPrice")),
                        Map.of("InvoiceNo", row.get("InvoiceNo"), "Country", row.get("Country"))));
            }
        }
        return builder.build();
    }
}
