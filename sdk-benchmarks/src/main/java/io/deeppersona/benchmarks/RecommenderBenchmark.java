package io.deeppersona.benchmarks;

import io.deeppersona.api.EventLog;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.core.PipelineResult;
import io.deeppersona.core.PluginRegistry;
import io.deeppersona.core.deploy.FileSystemDeployer;
import io.deeppersona.core.serving.DeployedRecommender;
import io.deeppersona.core.serving.RecommendationFilters;
import io.deeppersona.core.serving.RecommendationResponse;
import io.deeppersona.core.serving.RecommendationSource;
import io.deeppersona.core.serving.ServingArtifacts;
import io.deeppersona.core.serving.ServingBundle;
import io.deeppersona.core.serving.ServingOptions;
import io.deeppersona.spi.DeployedVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * In-process serving latency: trains {@code model} on all of cleaned UCI Online Retail, deploys it with its serving
 * bundle into a temporary model folder, opens a {@link DeployedRecommender} on it and measures
 * {@code recommend(customer, 10, DEFAULT)} over every known customer in a seeded random order: p50/p90/p99/max and
 * throughput per thread count, and the wall time of "score all customers" (top-10 for each). Issue targets: p99
 * &lt;= 0.5 ms, &gt;= 5,000 requests/s, all customers &lt;= 2 s.
 *
 * <p>{@code bin/benchmark RecommenderBenchmark [model] [threads...] [calls=N] [keep=DIR] [key=value model
 * options...]} ({@code keep} deploys into DIR and keeps it, e.g. for {@link CaserInferenceBenchmark}), e.g.
 * {@code bin/benchmark RecommenderBenchmark ease 1 2 8}; {@code caser-cnn} trains 2 epochs unless told otherwise
 * (run it with {@code OMP_NUM_THREADS=1} or without to compare).
 */
public final class RecommenderBenchmark {
    private static final int K = 10;
    private static final long SEED = 42;

    private RecommenderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String model = "ease";
        List<Integer> threads = new ArrayList<>();
        long calls = 20_000;
        Path keep = null;
        Path from = null;
        Map<String, Object> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("calls=")) {
                calls = Long.parseLong(arg.substring(6));
            } else if (arg.startsWith("keep=")) {
                keep = Path.of(arg.substring(5));
            } else if (arg.startsWith("from=")) {
                from = Path.of(arg.substring(5));
            } else if (arg.contains("=")) {
                String[] kv = arg.split("=", 2);
                options.put(kv[0], parse(kv[1]));
            } else if (arg.matches("[0-9]+")) {
                threads.add(Integer.parseInt(arg));
            } else if (i == 0) {
                model = arg;
            } else {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'; usage: [model] [threads...] "
                        + "[calls=N] [key=value...]");
            }
        }
        if (threads.isEmpty()) {
            threads = List.of(1, 2, 8);
        }
        if (model.equals("caser-cnn")) {
            options.putIfAbsent("maxEpochs", 2);
            options.putIfAbsent("validationDays", 0);
        }
        System.out.printf("model %s %s; threads %s; %,d calls per thread count; OMP_NUM_THREADS=%s; %d CPUs; "
                + "load %.1f%n", model, options, threads, calls, System.getenv().getOrDefault("OMP_NUM_THREADS", "-"),
                Runtime.getRuntime().availableProcessors(), LatencyRun.loadAverage());

        PluginRegistry registry = PluginRegistry.discovered(RecommenderBenchmark.class.getClassLoader());
        if (from != null) {
            measure(registry, from, null, threads, calls);
            return;
        }
        Path modelDir = keep != null ? keep : Files.createTempDirectory("deeppersona-bench-");
        List<String> customers;
        long trainStart = System.nanoTime();
        try (PipelineResult result = OnlineRetail.pipeline(registry).model(model, options).noEvaluation().build()
                .run()) {
            double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
            EventLog log = result.training();
            try (ServingBundle bundle = ServingBundle.builder().events(log).catalogue(result.catalogue())
                    .historyLength(50).build()) {
                DeployedVersion version = ServingArtifacts.deploy(result.primaryModel().model(), bundle,
                        new FileSystemDeployer(modelDir, 0, Clock.systemUTC()), Map.of("dataSource", "csv"),
                        DefaultProviderContext.create());
                System.out.printf("trained and read in %.1f s; deployed %s: %,d items, %,d customers, %,d events%n",
                        trainSeconds, version.version(), bundle.itemCount(), bundle.customerCount(), log.size());
            }
            customers = new ArrayList<>(log.customerCount());
            for (int c = 0; c < log.customerCount(); c++) {
                // The dictionary still names customers whose every row the preprocessing dropped.
                if (log.customerRowsEnd(c) > log.customerRowsStart(c)) {
                    customers.add(log.customerId(c));
                }
            }
        }
        try {
            measure(registry, modelDir, customers, threads, calls);
        } finally {
            if (keep == null) {
                deleteQuietly(modelDir);
            }
        }
    }

    /** Measures the active version of {@code modelDir} over {@code customers}, or every customer it knows if null. */
    private static void measure(PluginRegistry registry, Path modelDir, List<String> customers, List<Integer> threads,
            long calls) throws Exception {
        try (DeployedRecommender recommender = DeployedRecommender.open(new FileSystemDeployer(modelDir, 0,
                Clock.systemUTC()), registry, ServingOptions.defaults())) {
            if (customers == null) {
                customers = new ArrayList<>(recommender.knownCustomers());
                Collections.sort(customers);
            }
            Collections.shuffle(customers, new Random(SEED));
            Map<RecommendationSource, Integer> sources = new EnumMap<>(RecommendationSource.class);
            double cold = LatencyRun.once(customers, 1, customer -> {
                RecommendationResponse response = recommender.recommend(customer, K, RecommendationFilters.DEFAULT);
                if (response.items().size() != K) {
                    throw new IllegalStateException("got " + response.items().size() + " items, expected " + K);
                }
                synchronized (sources) {
                    sources.merge(response.source(), 1, Integer::sum);
                }
            });
            System.out.printf("first pass over %,d customers (JIT warm-up): %.2f s; sources %s%n", customers.size(),
                    cold, sources);
            for (int pass = 0; pass < 2; pass++) {
                LatencyRun.once(customers, 2, RecommenderBenchmark.call(recommender));
            }

            System.out.println();
            System.out.println("Score all customers (top-" + K + " each), warm:");
            System.out.println("| threads | customers | seconds | customers/s | load before / after |");
            System.out.println("| --- | --- | --- | --- | --- |");
            for (int t : threads) {
                double before = LatencyRun.loadAverage();
                double seconds = LatencyRun.once(customers, t, call(recommender));
                System.out.printf("| %d | %,d | %.2f | %,.0f | %.1f / %.1f |%n", t, customers.size(), seconds,
                        customers.size() / seconds, before, LatencyRun.loadAverage());
            }

            System.out.println();
            System.out.println("recommend(customer, " + K + ", DEFAULT) latency:");
            System.out.println(LatencyRun.Result.header());
            for (int t : threads) {
                LatencyRun.Result run = LatencyRun.run(customers, t, Math.max(1, calls / t), call(recommender));
                System.out.println(run.row());
            }
        }
    }

    private static java.util.function.Consumer<String> call(DeployedRecommender recommender) {
        return customer -> recommender.recommend(customer, K, RecommendationFilters.DEFAULT);
    }

    private static Object parse(String value) {
        if (value.matches("-?[0-9]+")) {
            return Integer.parseInt(value);
        }
        if (value.matches("true|false")) {
            return Boolean.parseBoolean(value);
        }
        if (value.matches("-?[0-9.]+([eE]-?[0-9]+)?")) {
            return Double.parseDouble(value);
        }
        return value;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Collections.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }
}
