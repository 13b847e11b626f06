package io.deeppersona.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.deeppersona.api.EventLog;
import io.deeppersona.api.StageReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reproduces the reference figures of docs/benchmarks.md on the full UCI Online Retail file through the product's
 * own path: CSV source, preprocessors, split, baselines and evaluator, exactly as {@code deeppersona evaluate} runs.
 * The reference was computed by an independent implementation; see docs/evaluation.md for the definitions.
 */
class OnlineRetailReferenceTest {
    private static final Path DATA = Path.of("..", "..", "shared", "data", "uci-online-retail",
            "online_retail.csv.gz");
    private static final double TOLERANCE = 0.03;
    private static final List<String> MODELS = List.of("popularity", "item-knn", "ease");

    private static PluginRegistry registry;

    @BeforeAll
    static void requireData() {
        Assumptions.assumeTrue(Files.exists(DATA), DATA + " is absent (it lives in ../shared/data); skipping");
        registry = PluginRegistry.discovered(OnlineRetailReferenceTest.class.getClassLoader());
    }

    private static PipelineResult run(EvaluationProtocol protocol) {
        PersonalizationPipeline.Builder builder = PersonalizationPipeline.builder()
                .registry(registry)
                .dataSource("csv", Map.of("path", DATA.toString(), "customer", "CustomerID", "item", "StockCode",
                        "time", "InvoiceDate", "timeFormat", "yyyy-MM-dd HH:mm:ss", "quantity", "Quantity",
                        "price", "UnitPrice", "attributes", List.of("InvoiceNo")))
                .addPreprocessor("missing-values")
                .addPreprocessor("drop-cancellations")
                .addPreprocessor("non-product-items")
                .addPreprocessor("dedupe-events", Map.of("keys", List.of("customer", "item", "timestamp")))
                .evaluation(protocol);
        MODELS.forEach(model -> builder.addModel(model, Map.of()));
        return builder.build().run();
    }

    @Test
    void globalSplitReproducesTheReferenceFigures() {
        try (PipelineResult result = run(EvaluationProtocol.global(30))) {
            print(result);
            assertThat(stage(result, "non-product-items").rowsOut()).isEqualTo(396_337);
            assertThat(result.training().size()).isEqualTo(323_537);
            assertThat(result.test().orElseThrow().size()).isEqualTo(62_713);
            assertThat(itemsPresent(result.training())).isEqualTo(3_619);
            assertThat(result.models().values()).allSatisfy(model -> assertThat(model.users()).isEqualTo(1_270));
            assertClose(result, "popularity", "ndcg@10", 0.0339);
            assertClose(result, "item-knn", "ndcg@10", 0.0867);
            assertClose(result, "ease", "ndcg@10", 0.1009);
            assertClose(result, "popularity", "hr@10", 0.228);
            assertClose(result, "item-knn", "hr@10", 0.398);
            assertClose(result, "ease", "hr@10", 0.464);
        }
    }

    @Test
    void perCustomerSplitRanksTheModelsAsTheGlobalSplitDoes() {
        try (PipelineResult result = run(EvaluationProtocol.perCustomer(0.2))) {
            print(result);
            assertThat(result.training().size() + result.test().orElseThrow().size())
                    .isEqualTo(stage(result, "dedupe-events").rowsOut());
            double popularity = result.model("popularity").metric("ndcg@10").orElseThrow();
            assertThat(result.model("item-knn").metric("ndcg@10").orElseThrow()).isGreaterThan(popularity);
            assertThat(result.model("ease").metric("ndcg@10").orElseThrow()).isGreaterThan(popularity);
        }
    }

    private static StageReport stage(PipelineResult result, String name) {
        return result.stages().stream().filter(s -> s.stage().equals(name)).findFirst().orElseThrow();
    }

    private static int itemsPresent(EventLog log) {
        BitSet items = new BitSet(log.itemCount());
        for (int row = 0; row < log.size(); row++) {
            items.set(log.item(row));
        }
        return items.cardinality();
    }

    private static void assertClose(PipelineResult result, String model, String metric, double expected) {
        assertThat(result.model(model).metric(metric).orElseThrow()).as(model + " " + metric)
                .isCloseTo(expected, within(expected * TOLERANCE));
    }

    private static void print(PipelineResult result) {
        System.out.printf("%n%s: %,d train / %,d test events%n", result.protocol().orElseThrow(),
                result.training().size(), result.test().orElseThrow().size());
        result.models().values().forEach(model -> System.out.printf("%-10s users %5d train %5.1f s %s%n",
                model.name(), model.users(), model.trainSeconds(), model.metrics()));
    }
}
