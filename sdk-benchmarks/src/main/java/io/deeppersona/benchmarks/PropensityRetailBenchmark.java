package io.deeppersona.benchmarks;

import io.deeppersona.api.Catalogue;
import io.deeppersona.api.EventLog;
import io.deeppersona.core.PersonalizationPipeline;
import io.deeppersona.core.PipelineResult;
import io.deeppersona.core.PluginRegistry;
import io.deeppersona.core.features.BehaviourMatrixOptions;
import io.deeppersona.core.features.CatalogueBuilder;
import io.deeppersona.core.features.DescriptionCategoriser;
import io.deeppersona.core.features.RfmOptions;
import io.deeppersona.core.propensity.LogisticRegressionModelProvider;
import io.deeppersona.core.propensity.PropensityDataset;
import io.deeppersona.core.propensity.RfmScoreModelProvider;
import io.deeppersona.dl4j.BehaviourCnnModelProvider;
import io.deeppersona.spi.TrainingData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "Buys in the next 30 days" on UCI Online Retail: behaviour-cnn against logistic regression on RFM and the RFM
 * score. Cleaning as in docs/benchmarks.md; end = last event + 1 ms; training set = features before end - 60 days,
 * labels in the 30 days after; test set = features before end - 30 days, labels in the last 30 days.
 *
 * <p>{@code bin/benchmark PropensityRetailBenchmark [test|validation] [seeds...] [bucketDays=30] [buckets=12]
 * [lr.l2=1.0] [key=value CNN options...]}:
 * {@code validation} shifts both cutoffs 30 days earlier, so that the "test" set lies inside the training period
 * (for choosing options without looking at the real test window).
 */
public final class PropensityRetailBenchmark {
    private static final Path DATA = Path.of("..", "shared", "data", "uci-online-retail", "online_retail.csv.gz");

    private PropensityRetailBenchmark() {
    }

    public static void main(String[] args) {
        boolean validation = args.length > 0 && args[0].equals("validation");
        List<Long> seeds = new java.util.ArrayList<>();
        Map<String, Object> cnnOptions = new HashMap<>();
        int bucketDays = 30;
        int buckets = 12;
        double lrL2 = 1.0;
        for (int i = args.length > 0 && (args[0].equals("test") || validation) ? 1 : 0; i < args.length; i++) {
            if (args[i].startsWith("bucketDays=")) {
                bucketDays = Integer.parseInt(args[i].substring("bucketDays=".length()));
            } else if (args[i].startsWith("buckets=")) {
                buckets = Integer.parseInt(args[i].substring("buckets=".length()));
            } else if (args[i].startsWith("lr.l2=")) {
                lrL2 = Double.parseDouble(args[i].substring("lr.l2=".length()));
            } else if (args[i].contains("=")) {
                String[] kv = args[i].split("=", 2);
                cnnOptions.put(kv[0], kv[1].contains(".") ? (Object) Double.parseDouble(kv[1])
                        : (Object) Integer.parseInt(kv[1]));
            } else {
                seeds.add(Long.parseLong(args[i]));
            }
        }
        if (seeds.isEmpty()) {
            seeds = List.of(1L, 2L, 3L);
        }
        if (!Files.exists(DATA)) {
            throw new IllegalStateException(DATA.toAbsolutePath() + " is absent; run from the repository root");
        }
        long start = System.nanoTime();
        EventLog events = load();
        long end = maxTimestamp(events) + 1;
        long shift = validation ? Duration.ofDays(30).toMillis() : 0;
        Instant trainCutoff = Instant.ofEpochMilli(end - shift - Duration.ofDays(60).toMillis());
        Instant testCutoff = Instant.ofEpochMilli(end - shift - Duration.ofDays(30).toMillis());
        // Buckets older than the training history would be empty for every training customer but not for test
        // customers (who have 30 more days of history): weights at those positions never learn, so cap the window.
        long historyDays = Duration.ofMillis(trainCutoff.toEpochMilli() - minTimestamp(events)).toDays();
        buckets = (int) Math.max(1, Math.min(buckets, historyDays / bucketDays));
        Catalogue catalogue = CatalogueBuilder.fromEvents(before(events, trainCutoff), "Description",
                DescriptionCategoriser.withDefaults());
        PropensityDataset.Split split = PropensityDataset.builder().events(events).catalogue(catalogue)
                .rfm(new RfmOptions(null, "InvoiceNo", true))
                .behaviourMatrix(new BehaviourMatrixOptions(bucketDays, buckets, null, null, null))
                .build(trainCutoff, testCutoff);
        System.out.printf("%s: train cutoff %s, test cutoff %s; train %,d customers (%.1f %% buy), test %,d (%.1f %%)"
                + "; behaviour matrix %s; data ready in %.1f s%n", validation ? "VALIDATION" : "TEST", trainCutoff,
                testCutoff, split.train().features().size(), 100 * split.train().positiveRate(),
                split.test().features().size(), 100 * split.test().positiveRate(),
                split.train().features().schema().field("behaviour_matrix").orElseThrow().shape(),
                (System.nanoTime() - start) / 1e9);
        TrainingData base = new TrainingData(events, catalogue, split.train().features(), split.train().labels());
        PropensityResults results = new PropensityResults();
        results.run("rfm-score", new RfmScoreModelProvider(), Map.of(), 0, split.train(), split.test(), base);
        results.run("logistic-regression (rfm)", new LogisticRegressionModelProvider(),
                Map.of("numericFeatures", List.of("rfm"), "oneHotFeatures", List.of()), 0, split.train(),
                split.test(), base);
        results.run("logistic-regression (rfm + matrix)", new LogisticRegressionModelProvider(),
                Map.of("numericFeatures", List.of("rfm", "behaviour_matrix"), "oneHotFeatures", List.of(),
                        "l2", lrL2), 0,
                split.train(), split.test(), base);
        for (long seed : seeds) {
            Map<String, Object> options = new HashMap<>(cnnOptions);
            options.put("seed", seed);
            results.run("behaviour-cnn", new BehaviourCnnModelProvider(), options, seed, split.train(),
                    split.test(), base);
        }
        results.printTable("Online Retail, buys in the next 30 days (" + (validation ? "validation" : "test")
                + " window), matrix " + buckets + " x " + bucketDays + " days, CNN options " + cnnOptions
                + ", LR (rfm + matrix) l2 " + lrL2 + ", seeds " + seeds);
    }

    private static EventLog load() {
        PersonalizationPipeline pipeline = PersonalizationPipeline.builder()
                .registry(PluginRegistry.discovered(PropensityRetailBenchmark.class.getClassLoader()))
                .dataSource("csv", Map.of("path", DATA.toString(), "customer", "CustomerID", "item", "StockCode",
                        "time", "InvoiceDate", "timeFormat", "yyyy-MM-dd HH:mm:ss", "quantity", "Quantity",
                        "price", "UnitPrice", "attributes", List.of("InvoiceNo", "Description")))
                .addPreprocessor("missing-values")
                .addPreprocessor("drop-cancellations")
                .addPreprocessor("non-product-items")
                .addPreprocessor("dedupe-events", Map.of("keys", List.of("customer", "item", "timestamp")))
                .addModel("popularity", Map.of())
                .noEvaluation()
                .build();
        try (PipelineResult result = pipeline.run()) {
            return result.training();
        }
    }

    private static long minTimestamp(EventLog log) {
        long min = Long.MAX_VALUE;
        for (int row = 0; row < log.size(); row++) {
            min = Math.min(min, log.timestampMillis(row));
        }
        return min;
    }

    private static long maxTimestamp(EventLog log) {
        long max = Long.MIN_VALUE;
        for (int row = 0; row < log.size(); row++) {
            max = Math.max(max, log.timestampMillis(row));
        }
        return max;
    }

    private static EventLog before(EventLog log, Instant cutoff) {
        BitSet keep = new BitSet(log.size());
        for (int row = 0; row < log.size(); row++) {
            if (log.timestampMillis(row) < cutoff.toEpochMilli()) {
                keep.set(row);
            }
        }
        return log.filter(keep);
    }
}
