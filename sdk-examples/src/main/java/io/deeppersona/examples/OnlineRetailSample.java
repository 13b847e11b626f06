package io.deeppersona.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * The embedded demo data: a CC BY 4.0 subset of UCI Online Retail (see {@code online-retail-sample.SOURCE.md}
 * beside it), and the column mapping and cleaning steps that fit it.
 */
public final class OnlineRetailSample {
    /** Resource path of the gzip CSV inside this jar. */
    public static final String RESOURCE = "/io/deeppersona/examples/online-retail-sample.csv.gz";

    /** Cleaning for raw Online Retail: customers present, no cancellations or returns, products only, no repeats. */
    public static final List<String> PREPROCESSORS =
            List.of("missing-values", "drop-cancellations", "non-product-items", "dedupe-events");

    private OnlineRetailSample() {
    }

    /** Copies the sample out of the jar into {@code dir} (the CSV source reads files) and returns its path. */
    public static Path extractTo(Path dir) {
        Path file = dir.resolve("online-retail-sample.csv.gz");
        try (InputStream in = OnlineRetailSample.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("demo data " + RESOURCE + " is missing from the class path");
            }
            Files.createDirectories(dir);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the demo data into " + dir, e);
        }
    }

    /** Returns the csv source's options for the Online Retail columns of {@code file}. */
    public static Map<String, Object> csvOptions(Path file) {
        return Map.of(
                "path", file.toString(),
                "customer", "CustomerID",
                "item", "StockCode",
                "time", "InvoiceDate",
                "timeFormat", "yyyy-MM-dd HH:mm:ss",
                "timeZone", "UTC",
                "quantity", "Quantity",
                "price", "UnitPrice",
                "attributes", List.of("InvoiceNo", "Description", "Country"));
    }
}
