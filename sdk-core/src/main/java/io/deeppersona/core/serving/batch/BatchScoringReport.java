package io.deeppersona.core.serving.batch;

import static java.util.Objects.requireNonNull;

import io.deeppersona.core.serving.RecommendationSource;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one {@link BatchScorer#score} run did.
 *
 * @param customers customers scored and written
 * @param duplicatesSkipped repeated customer ids in the input, scored once
 * @param items recommended items written, over all customers
 * @param bySource customers per source (model or fallback step)
 * @param modelVersions the versions that answered; more than one if a version was activated during the run
 * @param elapsed wall time of the run, sink included
 */
public record BatchScoringReport(int customers, int duplicatesSkipped, long items,
        Map<RecommendationSource, Integer> bySource, Set<String> modelVersions, Duration elapsed) {
    public BatchScoringReport {
        if (customers < 0 || duplicatesSkipped < 0 || items < 0) {
            throw new IllegalArgumentException("counts must be >= 0, got customers=" + customers
                    + ", duplicatesSkipped=" + duplicatesSkipped + ", items=" + items);
        }
        requireNonNull(bySource, "bySource is null");
        bySource = bySource.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(bySource));
        modelVersions = Collections.unmodifiableSet(new TreeSet<>(requireNonNull(modelVersions,
                "modelVersions is null")));
        requireNonNull(elapsed, "elapsed is null");
    }

    /** Returns customers per second over the whole run, sink included; 0 for an empty run. */
    public double customersPerSecond() {
        long nanos = elapsed.toNanos();
        return nanos == 0 ? 0 : customers * 1e9 / nanos;
    }
}
