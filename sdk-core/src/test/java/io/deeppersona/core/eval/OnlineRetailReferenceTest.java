package io.deeppersona.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventType;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.core.eventlog.ColumnarEventLog;
import io.deeppersona.core.eventlog.ColumnarEventLogBuilder;
import io.deeppersona.core.models.EaseModelProvider;
import io.deeppersona.core.models.ItemKnnModelProvider;
import io.deeppersona.core.models.PopularityModelProvider;
import io.deeppersona.spi.Model;
import io.deeppersona.spi.ModelProvider;
import io.deeppersona.spi.TrainingData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reproduces the reference figures of docs/evaluation.md on UCI Online Retail: the data is loaded here with the
 * filters and deduplication inline, so the figures depend only on the split, the evaluator and the models.
 */
class OnlineRetailReferenceTest {
    private static final Path DATA = Path.of("..", "..", "shared", "data", "uci-online-retail",
            "online_retail.csv.gz");
    private static final Set<String> NON_PRODUCTS = Set.of("POST", "DOT", "M", "C2", "D", "S", "BANK CHARGES",
            "AMAZONFEE", "CRUK", "PADS", "B", "m", "gift_0001_10", "gift_0001_20", "gift_0001_30", "gift_0001_40",
            "gift_0001_50", "DCGSSBOY", "DCGSSGIRL");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final double TOLERANCE = 0.03;

    private static int keptRows;
    private static EventLog log;

    @BeforeAll
    static void load() throws IOException {
        Assumptions.assumeTrue(Files.exists(DATA), DATA + " absent, skipping");
        ColumnarEventLogBuilder builder = ColumnarEventLog.builder();
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(DATA), 1 << 16);
                MappingIterator<String[]> rows = mapper.readerFor(String[].class).readValues(in)) {
            String[] header = rows.next();
            assertThat(header).containsExactly("InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate",
                    "UnitPrice", "CustomerID", "Country");
            while (rows.hasNext()) {
                String[] row = rows.next();
                String invoice = row[0];
                String stockCode = row[1];
                double quantity = Double.parseDouble(row[3]);
                double price = Double.parseDouble(row[5]);
                String customer = row[6];
                if (customer.isEmpty() || quantity <= 0 || price <= 0 || invoice.startsWith("C")
                        || NON_PRODUCTS.contains(stockCode)) {
                    continue;
                }
                long time = LocalDateTime.parse(row[4], DATE).toEpochSecond(ZoneOffset.UTC) * 1000;
                builder.add(customer, stockCode, EventType.PURCHASE, time, (float) quantity,
                        (float) (quantity * price));
            }
        }
        keptRows = builder.size();
        log = dedupe(builder.build());
    }

    /** Drops rows equal to the previous one in (customer, item, time); the log's sort order makes them adjacent. */
    private static EventLog dedupe(EventLog sorted) {
        BitSet keep = new BitSet(sorted.size());
        for (int row = 0; row < sorted.size(); row++) {
            boolean repeat = row > 0 && sorted.customer(row) == sorted.customer(row - 1)
                    && sorted.item(row) == sorted.item(row - 1)
                    && sorted.timestampMillis(row) == sorted.timestampMillis(row - 1);
            keep.set(row, !repeat);
        }
        return sorted.filter(keep);
    }

    @Test
    void globalSplitReproducesReferenceFigures() {
        Split split = new GlobalTimeSplit(30).split(log);
        Map<String, RankingReport> reports = evaluateAll(split);
        print("global time split, 30 test days", split, reports);

        assertThat(keptRows).isEqualTo(396_337);
        assertThat(split.train().size()).isEqualTo(323_537);
        assertThat(split.test().size()).isEqualTo(62_713);
        RankingReport popularity = reports.get(PopularityModelProvider.NAME);
        assertThat(popularity.users()).isEqualTo(1_270);
        assertThat(catalogueSize(split.train())).isEqualTo(3_619);
        assertClose(popularity.metric("ndcg@10"), 0.0339);
        assertClose(reports.get(ItemKnnModelProvider.NAME).metric("ndcg@10"), 0.0867);
        assertClose(reports.get(EaseModelProvider.NAME).metric("ndcg@10"), 0.1009);
        assertClose(popularity.metric("hr@10"), 0.228);
        assertClose(reports.get(ItemKnnModelProvider.NAME).metric("hr@10"), 0.398);
        assertClose(reports.get(EaseModelProvider.NAME).metric("hr@10"), 0.464);
    }

    @Test
    void perCustomerSplitOrdersModelsAsTheGlobalSplitDoes() {
        Split split = new PerCustomerSplit(0.2).split(log);
        Map<String, RankingReport> reports = evaluateAll(split);
        print("per-customer split, last 20% of each customer's events", split, reports);

        assertThat(split.train().size() + split.test().size()).isEqualTo(log.size());
        assertThat(reports.get(EaseModelProvider.NAME).metric("ndcg@10"))
                .isGreaterThan(reports.get(PopularityModelProvider.NAME).metric("ndcg@10"));
        assertThat(reports.get(ItemKnnModelProvider.NAME).metric("ndcg@10"))
                .isGreaterThan(reports.get(PopularityModelProvider.NAME).metric("ndcg@10"));
    }

    private static Map<String, RankingReport> evaluateAll(Split split) {
        DefaultProviderContext context = DefaultProviderContext.create();
        RankingEvaluator evaluator = new RankingEvaluator(RankingOptions.defaults());
        Map<String, RankingReport> reports = new LinkedHashMap<>();
        for (ModelProvider provider : List.of(new PopularityModelProvider(), new ItemKnnModelProvider(),
                new EaseModelProvider())) {
            long start = System.nanoTime();
            try (Model model = provider.newTrainer(Map.of(), context).train(TrainingData.of(split.train()))) {
                long trained = System.nanoTime();
                reports.put(provider.name(), evaluator.evaluate(model, split));
                System.out.printf("%-10s trained in %6.1f s, evaluated in %5.1f s%n", provider.name(),
                        (trained - start) / 1e9, (System.nanoTime() - trained) / 1e9);
            }
        }
        return reports;
    }

    private static int catalogueSize(EventLog train) {
        BitSet items = new BitSet(train.itemCount());
        for (int row = 0; row < train.size(); row++) {
            items.set(train.item(row));
        }
        return items.cardinality();
    }

    private static void print(String title, Split split, Map<String, RankingReport> reports) {
        StringBuilder table = new StringBuilder();
        table.append(String.format("%n%s: %,d kept rows, %,d after dedupe, %,d train / %,d test events, "
                + "%,d catalogue items%n", title, keptRows, log.size(), split.train().size(), split.test().size(),
                catalogueSize(split.train())));
        table.append(String.format("%-10s %6s", "model", "users"));
        reports.values().iterator().next().metrics().keySet().forEach(name -> table.append(String.format(" %12s",
                name)));
        table.append('\n');
        reports.forEach((name, report) -> {
            table.append(String.format("%-10s %6d", name, report.users()));
            report.metrics().values().forEach(value -> table.append(String.format(" %12.4f", value)));
            table.append('\n');
        });
        System.out.println(table);
    }

    private static void assertClose(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(expected * TOLERANCE));
    }
}
