package io.deeppersona.benchmarks;

import io.deeppersona.core.PersonalizationPipeline;
import io.deeppersona.core.PluginRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The cleaned UCI Online Retail pipeline of the CLI reference commands in docs/benchmarks.md: the same columns and
 * the same four preprocessing steps, so a benchmark trains on exactly the 386,250 events the reference figures use.
 */
final class OnlineRetail {
    private static final Path DATA = Path.of("..", "shared", "data", "uci-online-retail", "online_retail.csv.gz");

    private OnlineRetail() {
    }

    /** Returns the data file, relative to the repository root or its parent; fails if absent. */
    static Path data() {
        Path data = Files.exists(DATA) ? DATA : Path.of("shared", "data").resolve(DATA.subpath(3, 5));
        if (!Files.exists(data)) {
            throw new IllegalStateException(DATA.toAbsolutePath() + " is absent; run from the repository root");
        }
        return data;
    }

    /** A pipeline builder with the reference source and preprocessing, ready for a model. */
    static PersonalizationPipeline.Builder pipeline(PluginRegistry registry) {
        return PersonalizationPipeline.builder()
                .registry(registry)
                .dataSource("csv", Map.of("path", data().toString(), "customer", "CustomerID", "item", "StockCode",
                        "time", "InvoiceDate", "timeFormat", "yyyy-MM-dd HH:mm:ss", "quantity", "Quantity",
                        "price", "UnitPrice", "attributes", List.of("InvoiceNo")))
                .addPreprocessor("missing-values")
                .addPreprocessor("drop-cancellations")
                .addPreprocessor("non-product-items")
                .addPreprocessor("dedupe-events");
    }
}
