package io.deeppersona.core.eval;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of a ranking evaluation: how many customers were evaluated and the mean of each metric over them.
 *
 * @param users the number of evaluated customers
 * @param metrics metric name ({@code "ndcg@10"}) to value, in a stable order: hr, recall, ndcg, mrr, map,
 *     precision, coverage
 */
public record RankingReport(int users, Map<String, Double> metrics) {
    public RankingReport {
        if (users < 0) {
            throw new IllegalArgumentException("users must be >= 0, got " + users);
        }
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(metrics, "metrics is null")));
    }

    /**
     * Returns one metric.
     *
     * @throws IllegalArgumentException if the report has no such metric
     */
    public double metric(String name) {
        Double value = metrics.get(requireNonNull(name, "name is null"));
        if (value == null) {
            throw new IllegalArgumentException("no metric '" + name + "'; the report has " + metrics.keySet());
        }
        return value;
    }
}
