package io.deeppersona.core.features;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.deeppersona.api.Catalogue;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventType;
import io.deeppersona.api.Item;
import io.deeppersona.core.eventlog.ColumnarEventLog;
import io.deeppersona.core.eventlog.ColumnarEventLogBuilder;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Derives categories for the real UCI Online Retail descriptions and prints the counts docs/features.md reports. */
class OnlineRetailCategoriesTest {
    private static final Path DATA = Path.of("..", "..", "shared", "data", "uci-online-retail",
            "online_retail.csv.gz");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Test
    void derivesCategoriesFromDescriptions() throws Exception {
        Assumptions.assumeTrue(Files.exists(DATA), "UCI Online Retail data absent, skipping");
        EventLog log = read(DATA);

        Catalogue catalogue = CatalogueBuilder.fromEvents(log, "Description", DescriptionCategoriser.withDefaults());

        Map<String, Long> itemsPerCategory = catalogue.items().values().stream()
                .collect(Collectors.groupingBy(Item::leafCategory, TreeMap::new, Collectors.counting()));
        List<Map.Entry<String, Long>> top = itemsPerCategory.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(15).toList();
        System.out.printf("UCI Online Retail: %d rows, %d items, %d categories (other included)%n", log.size(),
                catalogue.size(), itemsPerCategory.size());
        top.forEach(e -> System.out.printf("  %-12s %d%n", e.getKey(), e.getValue()));

        assertThat(catalogue.size()).isEqualTo(log.itemCount());
        assertThat(itemsPerCategory).containsKeys("holder", "bag", "other");
        assertThat(itemsPerCategory.size()).isBetween(50, 400);
        assertThat(itemsPerCategory.values()).allMatch(count -> count >= DescriptionCategoriser.DEFAULT_MIN_ITEMS);
    }

    private static EventLog read(Path path) throws Exception {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        ColumnarEventLogBuilder builder = ColumnarEventLog.builder();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path));
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class).with(schema)
                        .readValues(reader)) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                String customer = row.get("CustomerID").isEmpty() ? null : row.get("CustomerID");
                double quantity = Double.parseDouble(row.get("Quantity"));
                double value = quantity * Double.parseDouble(row.get("UnitPrice"));
                String description = row.get("Description");
                builder.add(new io.deeppersona.api.CustomerEvent(customer, row.get("StockCode"),
                        quantity < 0 ? EventType.RETURN : EventType.PURCHASE,
                        LocalDateTime.parse(row.get("InvoiceDate"), TIME).toInstant(ZoneOffset.UTC), quantity, value,
                        description.isBlank() ? Map.of() : Map.of("Description", description)));
            }
        }
        return builder.build();
    }
}
