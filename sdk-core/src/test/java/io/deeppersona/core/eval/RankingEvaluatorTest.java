package io.deeppersona.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventType;
import io.deeppersona.api.ModelInfo;
import io.deeppersona.api.Recommendation;
import io.deeppersona.api.RecommendationQuery;
import io.deeppersona.api.artifact.ArtifactWriter;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.core.eventlog.ColumnarEventLog;
import io.deeppersona.core.eventlog.ColumnarEventLogBuilder;
import io.deeppersona.core.models.ItemKnnModelProvider;
import io.deeppersona.spi.Model;
import io.deeppersona.spi.TrainingData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankingEvaluatorTest {
    // Cut-off: day 45 - 10 = day 35.
    private static final EventLog LOG = EvalLogs.of(
            "a x 1", "a y 2", "a y 40", "a w 41", "a z 42",
            "b x 1",
            "c z 3", "c z 45",
            "d x 44");

    /** Answers every customer with a fixed list and records the queries. */
    private static final class FixedModel implements Model {
        final List<RecommendationQuery> queries = Collections.synchronizedList(new ArrayList<>());
        private final List<String> answer;

        FixedModel(String... answer) {
            this.answer = List.of(answer);
        }

        @Override
        public ModelInfo info() {
            return new ModelInfo("fixed", 1, Map.of(), Map.of());
        }

        @Override
        public List<Recommendation> recommend(RecommendationQuery query) {
            queries.add(query);
            return answer.stream().limit(query.limit()).map(id -> new Recommendation(id, 1)).toList();
        }

        @Override
        public void save(ArtifactWriter payload) {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void evaluatesCustomersWithUnseenCatalogueTargets() {
        FixedModel model = new FixedModel("w", "z");
        RankingReport report = new RankingEvaluator(new RankingOptions(2, true, 1))
                .evaluate(model, new GlobalTimeSplit(10).split(LOG));
        // Only a: y is seen, w is outside the catalogue {x, y, z}, so the target is z; c's only test item is seen.
        assertThat(report.users()).isEqualTo(1);
        assertThat(model.queries).singleElement().satisfies(query -> {
            assertThat(query.customerId()).isEqualTo("a");
            assertThat(query.history()).containsExactly("x", "y");
            assertThat(query.excludedItems()).containsExactlyInAnyOrder("x", "y");
            assertThat(query.limit()).isEqualTo(2);
        });
        // w (outside the catalogue) is a miss at rank 1, z a hit at rank 2.
        assertThat(report.metrics()).containsOnlyKeys("hr@2", "recall@2", "ndcg@2", "mrr@2", "map@2",
                "precision@2", "coverage@2");
        assertThat(report.metric("hr@2")).isEqualTo(1.0);
        assertThat(report.metric("ndcg@2")).isCloseTo(1 / (Math.log(3) / Math.log(2)), within(1e-12));
        assertThat(report.metric("mrr@2")).isEqualTo(0.5);
        assertThat(report.metric("precision@2")).isEqualTo(0.5);
        assertThat(report.metric("coverage@2")).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void withoutExcludeSeenRepeatPurchasesAreTargets() {
        FixedModel model = new FixedModel("z", "y");
        RankingReport report = new RankingEvaluator(new RankingOptions(2, false, 1))
                .evaluate(model, new GlobalTimeSplit(10).split(LOG));
        assertThat(report.users()).isEqualTo(2);
        assertThat(model.queries).allSatisfy(query -> assertThat(query.excludedItems()).isEmpty());
        // a: targets {y, z}, both hit -> recall 1; c: target {z}, hit at rank 1 -> recall 1.
        assertThat(report.metric("recall@2")).isEqualTo(1.0);
        assertThat(report.metric("precision@2")).isCloseTo((1.0 + 0.5) / 2, within(1e-12));
    }

    @Test
    void parallelEvaluationGivesTheSameReport() {
        ColumnarEventLogBuilder builder = ColumnarEventLog.builder();
        Random random = new Random(7);
        for (int event = 0; event < 20_000; event++) {
            int customer = random.nextInt(500);
            int item = (customer % 5) * 20 + random.nextInt(30);
            builder.add("c" + customer, "i" + item, EventType.PURCHASE, random.nextInt(100) * EvalLogs.DAY, 1f, 1f);
        }
        Split split = new GlobalTimeSplit(20).split(builder.build());
        try (Model model = new ItemKnnModelProvider().newTrainer(Map.of("neighbours", 20),
                DefaultProviderContext.create()).train(TrainingData.of(split.train()))) {
            RankingReport serial = new RankingEvaluator(new RankingOptions(10, true, 1)).evaluate(model, split);
            RankingReport parallel = new RankingEvaluator(new RankingOptions(10, true, 3)).evaluate(model, split);
            assertThat(serial.users()).isGreaterThan(100);
            assertThat(parallel).isEqualTo(serial);
        }
    }
}
