package io.deeppersona.dl4j;

import io.deeppersona.core.EvaluationProtocol;
import io.deeppersona.core.ModelResult;
import io.deeppersona.core.PersonalizationPipeline;
import io.deeppersona.core.PipelineResult;
import io.deeppersona.core.PluginRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tuning harness (not a test): Online Retail cut at the start of the 30-day *test* period (fixed time window),
 * then a global 30-day split of what is left, so the "test" this prints is the validation period inside the
 * training data, and the real test period is never read. Arguments: {@code key=value} caser-cnn options.
 *
 * <pre>
 * java -cp sdk-cli/target/sdk-cli-0.1.0-SNAPSHOT-all.jar:sdk-dl4j-backend/target/test-classes \
 *     io.deeppersona.dl4j.CaserValidationRun embeddingDim=50 maxEpochs=8
 * </pre>
 */
public final class CaserValidationRun {
    private CaserValidationRun() {
    }

    public static void main(String[] args) {
        Map<String, Object> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            Object value = kv[1].matches("-?[0-9]+") ? (Object) Long.parseLong(kv[1])
                    : kv[1].matches("-?[0-9.eE-]+") ? (Object) Double.parseDouble(kv[1])
                    : kv[1].equals("true") || kv[1].equals("false") ? (Object) Boolean.parseBoolean(kv[1]) : kv[1];
            options.put(kv[0], value);
        }
        Map<String, Object> csv = new HashMap<>();
        csv.put("path", "../shared/data/uci-online-retail/online_retail.csv.gz");
        csv.put("customer", "CustomerID");
        csv.put("item", "StockCode");
        csv.put("time", "InvoiceDate");
        csv.put("timeFormat", "yyyy-MM-dd HH:mm:ss");
        csv.put("timeZone", "UTC");
        csv.put("quantity", "Quantity");
        csv.put("price", "UnitPrice");
        csv.put("attributes", List.of("InvoiceNo"));
        PersonalizationPipeline.Builder builder = PersonalizationPipeline.builder()
                .registry(PluginRegistry.discovered(CaserValidationRun.class.getClassLoader()))
                .dataSource("csv", csv)
                // The last event is 2011-12-09 12:50; the real test period starts 30 days earlier.
                .addPreprocessor("time-window", Map.of("to", "2011-11-09T12:50:00Z"))
                .addPreprocessor("missing-values")
                .addPreprocessor("drop-cancellations")
                .addPreprocessor("non-product-items")
                .addPreprocessor("dedupe-events")
                .evaluation(EvaluationProtocol.global(30))
                .addModel("caser-cnn", options);
        for (String baseline : System.getProperty("baselines", "").split(",")) {
            if (!baseline.isBlank()) {
                builder.addModel(baseline, Map.of());
            }
        }
        try (PipelineResult result = builder.build().run()) {
            for (String name : List.of("caser-cnn", "item-knn", "ease", "popularity")) {
                try {
                    ModelResult model = result.model(name);
                    System.out.printf("VALIDATION %s %s users=%d ndcg@10=%.4f hr@10=%.4f train_s=%.1f%n", name,
                            name.equals("caser-cnn") ? options : "", model.users(), model.metrics().get("ndcg@10"),
                            model.metrics().get("hr@10"), model.trainSeconds());
                } catch (RuntimeException absent) {
                    // not in this run
                }
            }
        }
    }
}
