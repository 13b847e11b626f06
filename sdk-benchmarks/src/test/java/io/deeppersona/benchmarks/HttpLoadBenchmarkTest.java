package io.deeppersona.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.deeppersona.api.CustomerEvent;
import io.deeppersona.core.serving.PropensityResponse;
import io.deeppersona.core.serving.RecommendationFilters;
import io.deeppersona.core.serving.RecommendationResponse;
import io.deeppersona.core.serving.RecommendationSource;
import io.deeppersona.core.serving.Recommender;
import io.deeppersona.core.serving.ScoredItem;
import io.deeppersona.spi.DeployedVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A short, slow run of the load generator against an in-process server: it counts, and it measures. */
class HttpLoadBenchmarkTest {

    @Test
    void loadsAnInProcessServerAtTheRequestedRate() throws Exception {
        HttpLoadBenchmark.Settings settings = new HttpLoadBenchmark.Settings(
                "/v1/customers/{id}/recommendations?k=5", List.of("a", "b c", "12346"), 100,
                Duration.ofSeconds(2), Duration.ofSeconds(1), 4, 42);
        try (HttpLoadBenchmark.Target target = HttpLoadBenchmark.inProcess(new ConstantRecommender())) {
            HttpLoadBenchmark.Result result = HttpLoadBenchmark.run(target, settings);

            assertThat(result.requests()).isEqualTo(200);
            assertThat(result.errors()).isZero();
            assertThat(result.dropped()).isZero();
            assertThat(result.latency().getTotalCount()).isEqualTo(200);
            assertThat(result.percentileNanos(50)).isPositive();
            assertThat(result.achievedRate()).isBetween(80.0, 120.0);
        }
    }

    @Test
    void countsHttpErrorsByStatus() throws Exception {
        HttpLoadBenchmark.Settings settings = new HttpLoadBenchmark.Settings("/v1/no-such-route/{id}",
                List.of("a"), 50, Duration.ofSeconds(1), Duration.ZERO, 2, 1);
        try (HttpLoadBenchmark.Target target = HttpLoadBenchmark.inProcess(new ConstantRecommender())) {
            HttpLoadBenchmark.Result result = HttpLoadBenchmark.run(target, settings);

            assertThat(result.errors()).isEqualTo(50);
            assertThat(result.errorsByKind()).containsEntry("HTTP 404", 50L);
        }
    }

    /** Answers instantly, so the run measures the HTTP path only. */
    static final class ConstantRecommender implements Recommender {
        private static final DeployedVersion VERSION = new DeployedVersion("v1", "popularity",
                Instant.parse("2025-01-01T00:00:00Z"), Map.of(), true);

        @Override
        public RecommendationResponse recommend(String customerId, int k, RecommendationFilters filters) {
            List<ScoredItem> items = java.util.stream.IntStream.range(0, k)
                    .mapToObj(i -> new ScoredItem("item-" + i, 1.0 / (i + 1), "popular", List.of())).toList();
            return new RecommendationResponse(customerId, "v1", RecommendationSource.GLOBAL_POPULARITY, items);
        }

        @Override
        public PropensityResponse propensity(String customerId, String campaign) {
            return new PropensityResponse(customerId, campaign, "v1", 0.5, false);
        }

        @Override
        public List<String> campaigns() {
            return List.of();
        }

        @Override
        public void record(CustomerEvent event) {
        }

        @Override
        public Optional<DeployedVersion> activeVersion() {
            return Optional.of(VERSION);
        }

        @Override
        public List<DeployedVersion> versions() {
            return List.of(VERSION);
        }

        @Override
        public DeployedVersion activate(String version) {
            return VERSION;
        }

        @Override
        public void close() {
        }
    }
}
