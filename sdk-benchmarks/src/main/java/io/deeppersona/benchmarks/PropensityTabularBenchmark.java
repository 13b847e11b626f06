package io.deeppersona.benchmarks;

import io.deeppersona.api.Catalogue;
import io.deeppersona.core.eventlog.ColumnarEventLog;
import io.deeppersona.core.propensity.LogisticRegressionModelProvider;
import io.deeppersona.core.propensity.PropensityDataset;
import io.deeppersona.core.propensity.TabularDataset;
import io.deeppersona.core.propensity.TabularOptions;
import io.deeppersona.dl4j.FieldCnnModelProvider;
import io.deeppersona.spi.TrainingData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Campaign response on UCI bank marketing (without {@code duration}) and UCI online shoppers: field-cnn against
 * logistic regression on one-hot field tokens (and on one-hot + standardised numerics). Each seed draws its own
 * stratified 80/20 split and seeds the CNN with it.
 *
 * <p>{@code bin/benchmark PropensityTabularBenchmark bank|shoppers [test|validation] [seeds...] [key=value CNN
 * options...]}: {@code validation} splits the training 80 % once more (80/20) and reports on that inner hold-out,
 * for choosing options without looking at the test rows.
 */
public final class PropensityTabularBenchmark {
    private static final Path DATA = Path.of("..", "shared", "data");

    private PropensityTabularBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String dataset = args.length > 0 ? args[0] : "bank";
        boolean validation = args.length > 1 && args[1].equals("validation");
        List<Long> seeds = new ArrayList<>();
        Map<String, Object> cnnOptions = new HashMap<>();
        for (int i = args.length > 1 && (args[1].equals("test") || validation) ? 2 : 1; i < args.length; i++) {
            if (args[i].contains("=")) {
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
        PropensityResults results = new PropensityResults();
        for (long seed : seeds) {
            long start = System.nanoTime();
            PropensityDataset.Split split = TabularDataset.read(options(dataset, seed));
            if (validation) {
                split = innerSplit(split.train(), seed);
            }
            System.out.printf("%s seed %d: train %,d rows (%.1f %% positive), test %,d; read in %.1f s%n", dataset,
                    seed, split.train().features().size(), 100 * split.train().positiveRate(),
                    split.test().features().size(), (System.nanoTime() - start) / 1e9);
            TrainingData base = new TrainingData(ColumnarEventLog.builder().build(), Catalogue.empty(),
                    split.train().features(), split.train().labels());
            results.run("logistic-regression (one-hot)", new LogisticRegressionModelProvider(),
                    Map.of("numericFeatures", List.of(), "oneHotFeatures", List.of(TabularDataset.FIELDS)), seed,
                    split.train(), split.test(), base);
            results.run("logistic-regression (one-hot + numeric)", new LogisticRegressionModelProvider(), Map.of(),
                    seed, split.train(), split.test(), base);
            Map<String, Object> options = new HashMap<>(cnnOptions);
            options.put("seed", seed);
            results.run("field-cnn", new FieldCnnModelProvider(), options, seed, split.train(), split.test(), base);
        }
        results.printTable(dataset + " (" + (validation ? "validation" : "test") + " rows), CNN options "
                + cnnOptions + ", seeds " + seeds);
    }

    static TabularOptions options(String dataset, long seed) {
        return switch (dataset) {
            case "bank" -> TabularOptions.of(DATA.resolve("uci-bank-marketing/bank-additional-full.csv.gz"), "y",
                    seed).withSeparator(';').withDropColumns(Set.of("duration"));
            case "shoppers" -> TabularOptions.of(DATA.resolve(
                    "uci-online-shoppers-intention/online_shoppers_intention.csv"), "Revenue", seed)
                    .withCategoricalColumns(Set.of("OperatingSystems", "Browser", "Region", "TrafficType"));
            default -> throw new IllegalArgumentException("dataset must be bank or shoppers, got " + dataset);
        };
    }

    /** Splits a training set 80/20 again, stratified and seeded, for option choices. */
    private static PropensityDataset.Split innerSplit(PropensityDataset train, long seed) {
        List<io.deeppersona.api.FeatureVector> positives = new ArrayList<>();
        List<io.deeppersona.api.FeatureVector> negatives = new ArrayList<>();
        for (io.deeppersona.api.FeatureVector row : train.features().rows()) {
            (train.labels().get(row.customerId()) == 1f ? positives : negatives).add(row);
        }
        java.util.Random random = new java.util.Random(seed + 1000);
        List<io.deeppersona.api.FeatureVector> inner = new ArrayList<>();
        List<io.deeppersona.api.FeatureVector> held = new ArrayList<>();
        for (List<io.deeppersona.api.FeatureVector> stratum : List.of(positives, negatives)) {
            java.util.Collections.shuffle(stratum, random);
            int cut = (int) Math.round(stratum.size() * 0.2);
            held.addAll(stratum.subList(0, cut));
            inner.addAll(stratum.subList(cut, stratum.size()));
        }
        return new PropensityDataset.Split(subset(train, inner), subset(train, held));
    }

    private static PropensityDataset subset(PropensityDataset all, List<io.deeppersona.api.FeatureVector> rows) {
        Map<String, Float> labels = new HashMap<>();
        rows.forEach(row -> labels.put(row.customerId(), all.labels().get(row.customerId())));
        return new PropensityDataset(io.deeppersona.api.FeatureTable.of(all.features().schema(), rows), labels);
    }
}
