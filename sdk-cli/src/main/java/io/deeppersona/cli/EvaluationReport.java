package io.deeppersona.cli;

import io.deeppersona.api.error.DataSourceException;
import io.deeppersona.core.EvaluationProtocol;
import io.deeppersona.core.ModelResult;
import io.deeppersona.core.PipelineResult;
import io.deeppersona.core.SdkJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of {@code evaluate} as a table and as JSON of a fixed shape:
 * {@code {"protocol":{...},"dataset":{"events","customers","items"},"models":{"<name>":{"users","hr@K","recall@K",
 * "ndcg@K","mrr@K","trainSeconds"}}}}.
 */
record EvaluationReport(Map<String, Object> protocol, Map<String, Object> dataset,
        Map<String, Map<String, Object>> models, List<ModelResult> results, int k) {
    private static final List<String> JSON_METRICS = List.of("hr", "recall", "ndcg", "mrr");
    private static final List<String> TABLE_METRICS = List.of("hr", "recall", "ndcg", "mrr", "map", "precision",
            "coverage");

    static EvaluationReport of(EvaluationProtocol evaluation, EventFileOptions input, List<String> modelNames,
            PipelineResult result) {
        Map<String, Object> protocol = new LinkedHashMap<>();
        protocol.put("split", evaluation.split());
        if (evaluation.testDays() != null) {
            protocol.put("testDays", evaluation.testDays());
        }
        if (evaluation.testFraction() != null) {
            protocol.put("testFraction", evaluation.testFraction());
            protocol.put("keepBaskets", evaluation.keepBaskets());
        }
        protocol.put("k", evaluation.k());
        protocol.put("excludeSeen", evaluation.excludeSeen());
        protocol.put("seed", evaluation.seed());
        protocol.put("models", modelNames);
        // The file name only: a machine path says nothing to a reader and may leak a user name.
        protocol.put("events", input.events.getFileName().toString());
        protocol.put("customerCol", input.customerColumn);
        protocol.put("itemCol", input.itemColumn);
        protocol.put("timeCol", input.timeColumn);
        protocol.put("timeFormat", input.timeFormat);
        protocol.put("timeZone", input.timeZone);
        protocol.put("preprocess", input.preprocess);
        protocol.put("catalogue", "items in the training split");
        protocol.put("ranking", "full catalogue, no sampled negatives");

        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("events", result.dataset().events());
        dataset.put("customers", result.dataset().customers());
        dataset.put("items", result.dataset().items());

        Map<String, Map<String, Object>> models = new LinkedHashMap<>();
        int k = evaluation.k();
        for (ModelResult model : result.models().values()) {
            Map<String, Object> scores = new LinkedHashMap<>();
            scores.put("users", model.users());
            for (String metric : JSON_METRICS) {
                scores.put(metric + "@" + k, model.metric(metric + "@" + k).orElse(Double.NaN));
            }
            scores.put("trainSeconds", Math.round(model.trainSeconds() * 1000) / 1000.0);
            models.put(model.name(), scores);
        }
        // The table shows more metrics than the JSON, whose shape stays fixed.
        return new EvaluationReport(protocol, dataset, models, List.copyOf(result.models().values()), k);
    }

    void printTable(PrintWriter out) {
        out.printf("Dataset: %,d events, %,d customers, %,d items (after preprocessing)%n", dataset.get("events"),
                dataset.get("customers"), dataset.get("items"));
        out.printf("Protocol: %s%n", protocol);
        StringBuilder header = new StringBuilder(String.format("%-14s %7s", "model", "users"));
        TABLE_METRICS.forEach(metric -> header.append(String.format(" %12s", metric + "@" + k)));
        header.append(String.format(" %9s", "train s"));
        out.println(header);
        for (ModelResult model : results) {
            StringBuilder row = new StringBuilder(String.format("%-14s %7d", model.name(), model.users()));
            TABLE_METRICS.forEach(metric -> row.append(String.format(" %12.4f",
                    model.metric(metric + "@" + k).orElse(Double.NaN))));
            row.append(String.format(" %9.2f", model.trainSeconds()));
            out.println(row);
        }
    }

    void writeJson(Path file) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("protocol", protocol);
        json.put("dataset", dataset);
        json.put("models", models);
        try {
            SdkJson.json().writeValue(file.toFile(), json);
        } catch (IOException e) {
            throw new DataSourceException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
