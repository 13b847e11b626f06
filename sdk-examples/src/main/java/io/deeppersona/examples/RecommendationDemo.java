package io.deeppersona.examples;

import io.deeppersona.api.Recommendation;
import io.deeppersona.api.RecommendationQuery;
import io.deeppersona.api.StageReport;
import io.deeppersona.core.CustomerHistory;
import io.deeppersona.core.EvaluationProtocol;
import io.deeppersona.core.ModelResult;
import io.deeppersona.core.PersonalizationPipeline;
import io.deeppersona.core.PipelineResult;
import io.deeppersona.core.PluginRegistry;
import io.deeppersona.api.EventLog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The end-to-end demo: reads the embedded Online Retail sample, cleans it, trains the baselines, the
 * {@code caser-cnn} sequence CNN and {@code auto} (which picks or blends candidates on a validation split),
 * evaluates them all on the last 30 days, and prints each model's metrics and its top-5 items for three customers.
 *
 * <p>Run it with {@code bin/demo} from the repository root.
 */
public final class RecommendationDemo {
    static final List<String> MODELS = List.of("popularity", "item-knn", "ease", "caser-cnn", "auto");
    /** caser-cnn's defaults, seeded; the test passes fewer epochs to stay fast. */
    static final Map<String, Object> CASER_OPTIONS = Map.of("seed", 42);
    static final int CUSTOMERS_SHOWN = 3;
    static final int TOP = 5;

    private RecommendationDemo() {
    }

    public static void main(String[] args) throws IOException {
        Path workDir = Files.createTempDirectory("deeppersona-demo");
        run(workDir, System.out, CASER_OPTIONS);
    }

    /**
     * Runs the demo with its files under {@code workDir}, printing to {@code out}, training caser-cnn with
     * {@code caserOptions}; returns the customers shown.
     */
    public static List<String> run(Path workDir, PrintStream out, Map<String, Object> caserOptions) {
        Path events = OnlineRetailSample.extractTo(workDir);
        PersonalizationPipeline.Builder builder = PersonalizationPipeline.builder()
                .registry(PluginRegistry.discovered(RecommendationDemo.class.getClassLoader()))
                .dataSource("csv", OnlineRetailSample.csvOptions(events))
                .catalogueFromAttribute("Description")
                .evaluation(EvaluationProtocol.global(30));
        OnlineRetailSample.PREPROCESSORS.forEach(builder::addPreprocessor);
        MODELS.forEach(model -> builder.addModel(model, model.equals("caser-cnn") ? caserOptions : Map.of()));

        List<String> shown = new ArrayList<>();
        try (PipelineResult result = builder.build().run()) {
            out.println("== Stages");
            for (StageReport stage : result.stages()) {
                out.printf("%-34s %,9d -> %,9d  %s%n", stage.stage(), stage.rowsIn(), stage.rowsOut(),
                        stage.dropped().isEmpty() ? "" : "dropped " + stage.dropped());
            }
            out.printf("%n== Evaluation: %s, last %d days held out, full-catalogue ranking%n",
                    result.protocol().orElseThrow().split(), result.protocol().orElseThrow().testDays());
            out.printf("%-12s %6s %9s %9s %9s %9s %8s%n", "model", "users", "HR@10", "NDCG@10", "Recall@10",
                    "MRR@10", "train s");
            for (ModelResult model : result.models().values()) {
                out.printf("%-12s %6d %9.4f %9.4f %9.4f %9.4f %8.1f%n", model.name(), model.users(),
                        model.metric("hr@10").orElse(Double.NaN), model.metric("ndcg@10").orElse(Double.NaN),
                        model.metric("recall@10").orElse(Double.NaN), model.metric("mrr@10").orElse(Double.NaN),
                        model.trainSeconds());
            }
            for (String customer : mostActiveCustomers(result.training(), CUSTOMERS_SHOWN)) {
                CustomerHistory history = CustomerHistory.of(result.training(), customer);
                out.printf("%n== Customer %s (%d purchases in training; last: %s)%n", customer,
                        history.items().size(),
                        result.catalogue().titleOf(history.items().get(history.items().size() - 1)));
                for (ModelResult model : result.models().values()) {
                    List<Recommendation> top = model.model().recommend(
                            new RecommendationQuery(customer, history.items(), TOP, history.distinctItems()));
                    out.printf("  %s:%n", model.name());
                    for (Recommendation recommendation : top) {
                        out.printf("    %-8s %s%n", recommendation.itemId(),
                                result.catalogue().titleOf(recommendation.itemId()));
                    }
                }
                shown.add(customer);
            }
        }
        return shown;
    }

    /** The customers with the most training events, ties by id: a deterministic, interesting choice. */
    static List<String> mostActiveCustomers(EventLog log, int count) {
        List<Integer> customers = new ArrayList<>();
        for (int c = 0; c < log.customerCount(); c++) {
            if (log.customerRowsEnd(c) > log.customerRowsStart(c)) {
                customers.add(c);
            }
        }
        customers.sort(Comparator.comparingInt((Integer c) -> log.customerRowsStart(c) - log.customerRowsEnd(c))
                .thenComparing(log::customerId));
        return customers.stream().limit(count).map(log::customerId).toList();
    }
}
