package io.deeppersona.core.models.auto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventLogBuilder;
import io.deeppersona.api.EventType;
import io.deeppersona.api.RecommendationQuery;
import io.deeppersona.api.artifact.ArtifactReader;
import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.api.error.IncompatibleArtifactException;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.core.PluginRegistry;
import io.deeppersona.api.artifact.ArtifactManifest;
import io.deeppersona.core.artifact.DirectoryArtifactReader;
import io.deeppersona.core.artifact.ModelArtifacts;
import io.deeppersona.core.artifact.DirectoryArtifactWriter;
import io.deeppersona.core.eventlog.ColumnarEventLog;
import io.deeppersona.core.models.EaseModelProvider;
import io.deeppersona.core.models.ItemKnnModelProvider;
import io.deeppersona.core.models.PopularityModelProvider;
import io.deeppersona.spi.Model;
import io.deeppersona.spi.ProviderContext;
import io.deeppersona.spi.TrainingData;
import io.deeppersona.spi.TrainingListener;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoModelProviderTest {
    private static final long DAY = 86_400_000L;

    private final List<String> epochLines = new ArrayList<>();
    private final TrainingListener listener = new TrainingListener() {
        @Override
        public void onEpochEnd(String model, int epoch, double loss, Map<String, Double> validation) {
            epochLines.add(model + " " + epoch + " " + validation);
        }
    };

    private static PluginRegistry baselines() {
        return PluginRegistry.builder().register(new PopularityModelProvider()).register(new ItemKnnModelProvider())
                .register(new EaseModelProvider()).register(new AutoModelProvider()).build();
    }

    /** The default candidates minus item-knn: exercises skipping an unregistered default candidate. */
    private static PluginRegistry baselinesWithoutItemKnn() {
        return PluginRegistry.builder().register(new PopularityModelProvider()).register(new EaseModelProvider())
                .register(new AutoModelProvider()).build();
    }

    private ProviderContext context(PluginRegistry registry) {
        return DefaultProviderContext.create(Clock.systemUTC(), Map.of(), listener, registry);
    }

    /**
     * Sixty customers in three taste groups of six items each buy one item a day for ten days, nearly always from
     * their own group: co-purchase models see the groups, popularity cannot.
     */
    private static EventLog tasteGroups() {
        EventLogBuilder builder = ColumnarEventLog.builder();
        Random random = new Random(7);
        for (int customer = 0; customer < 60; customer++) {
            int group = customer % 3;
            for (int day = 0; day < 10; day++) {
                int item = random.nextDouble() < 0.95 ? group * 6 + random.nextInt(6) : random.nextInt(18);
                builder.add("c" + customer, "i" + item, EventType.PURCHASE, day * DAY + customer * 1000L, 1f, 1f);
            }
        }
        return builder.build();
    }

    private Model train(ProviderContext context, Map<String, Object> options) {
        return new AutoModelProvider().newTrainer(options, context).train(TrainingData.of(tasteGroups()));
    }

    @Test
    void picksTheBetterOfTwoCandidates() {
        try (Model model = train(context(baselines()), Map.of("candidates", List.of("popularity", "item-knn"),
                "validationDays", 3, "blend", false))) {
            assertThat(model.info().validationScores().get("item-knn/ndcg@10"))
                    .isGreaterThan(model.info().validationScores().get("popularity/ndcg@10"));
            assertThat(model.info().hyperparameters())
                    .containsEntry("chosen", "item-knn")
                    .containsEntry("weights", Map.of("item-knn", 1.0));
        }
    }

    @Test
    void validatesOnEachCustomersLastEventsWhenAsked() {
        try (Model model = train(context(baselines()), Map.of("candidates", List.of("popularity", "item-knn"),
                "validationSplit", "per-customer", "validationFraction", 0.3, "blend", false))) {
            assertThat(model.info().hyperparameters()).containsEntry("validationSplit", "per-customer")
                    .containsEntry("chosen", "item-knn");
            assertThat((Integer) model.info().hyperparameters().get("validationCustomers")).isGreaterThan(30);
            assertThat((String) model.info().hyperparameters().get("reason")).contains("each customer's");
        }
        assertThatThrownBy(() -> new AutoModelProvider().newTrainer(Map.of("validationSplit", "random"),
                context(baselines()))).isInstanceOf(ConfigurationException.class).hasMessageContaining("'random'");
    }

    @Test
    void weightsSumToOneAndTheReasonListsEveryCandidate() {
        try (Model model = train(context(baselinesWithoutItemKnn()), Map.of("validationDays", 3))) {
            @SuppressWarnings("unchecked")
            Map<String, Double> weights = (Map<String, Double>) model.info().hyperparameters().get("weights");
            assertThat(weights.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
                    org.assertj.core.data.Offset.offset(1e-9));
            assertThat(weights.values()).allMatch(weight -> weight > 0 && weight <= 1);
            assertThat((String) model.info().hyperparameters().get("reason"))
                    .contains("popularity", "ease", "recent-popularity", "recent-ease")
                    .contains("not registered: [item-knn]");
            assertThat(model.info().hyperparameters().get("candidates")).isEqualTo(
                    List.of("popularity", "ease", "recent-popularity", "recent-ease"));
            assertThat(model.info().validationScores()).containsKeys("popularity/ndcg@10", "ease/ndcg@10",
                    "recent-ease/ndcg@10");
            assertThat(epochLines).hasSize(4).allMatch(line -> line.startsWith("auto "));
        }
    }

    @Test
    void unknownExplicitCandidateFailsListingWhatExists() {
        assertThatThrownBy(() -> new AutoModelProvider().newTrainer(
                Map.of("candidates", List.of("ease", "caser-cnn")), context(baselines())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("[caser-cnn]")
                .hasMessageContaining("[ease]");
    }

    @Test
    void badOptionsFailNamingTheOption() {
        ProviderContext context = context(baselines());
        AutoModelProvider provider = new AutoModelProvider();
        assertThatThrownBy(() -> provider.newTrainer(Map.of("metric", "auc"), context))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'metric'");
        assertThatThrownBy(() -> provider.newTrainer(Map.of("candidates", List.of("ease"),
                "candidateOptions", Map.of("item-knn", Map.of())), context))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'item-knn', which is not a candidate");
        assertThatThrownBy(() -> provider.newTrainer(Map.of("candidates", List.of("ease"),
                "candidateOptions", Map.of("ease", Map.of("lamda", 3))), context))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("lamda");
        assertThatThrownBy(() -> provider.newTrainer(Map.of("candidates", List.of("auto")), context))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'auto' itself");
    }

    @Test
    void withoutARegistryNoDefaultCandidateIsFound() {
        assertThatThrownBy(() -> new AutoModelProvider().newTrainer(Map.of(), DefaultProviderContext.create()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no registered candidate");
    }

    @Test
    void tooShortAHistoryFallsBackToTheFirstCandidate() {
        EventLogBuilder builder = ColumnarEventLog.builder();
        builder.add("c1", "i1", EventType.PURCHASE, 0L, 1f, 1f);
        builder.add("c2", "i2", EventType.PURCHASE, 1000L, 1f, 1f);
        try (Model model = new AutoModelProvider().newTrainer(Map.of("candidates", List.of("ease", "popularity")),
                context(baselines())).train(TrainingData.of(builder.build()))) {
            assertThat(model.info().hyperparameters()).containsEntry("chosen", "ease");
            assertThat((String) model.info().hyperparameters().get("reason")).contains("no validation possible");
            assertThat(model.recommend(RecommendationQuery.of("c1", List.of("i1"), 2))).isNotEmpty();
        }
    }

    @Test
    void labelledCandidatesShareAProviderAndTrainOnTheirOwnWindow(@TempDir Path dir) {
        ProviderContext context = context(baselines());
        List<RecommendationQuery> queries = List.of(RecommendationQuery.of("c1", List.of("i7"), 5),
                RecommendationQuery.of("new", List.of(), 5));
        try (Model model = train(context, Map.of("candidates", List.of("popularity", "recent=popularity", "item-knn"),
                "trainingDays", Map.of("recent", 2), "validationDays", 3, "normalisation", "min-max"))) {
            assertThat(model.info().validationScores()).containsKeys("popularity/ndcg@10", "recent/ndcg@10");
            assertThat(model.info().hyperparameters())
                    .containsEntry("trainingDays", Map.of("recent", 2))
                    .containsEntry("providers", Map.of("popularity", "popularity", "recent", "popularity",
                            "item-knn", "item-knn"));
            model.save(new DirectoryArtifactWriter(dir));
            try (Model loaded = new AutoModelProvider().load(new DirectoryArtifactReader(dir), 1, context)) {
                assertThat(loaded.info()).isEqualTo(model.info());
                for (RecommendationQuery query : queries) {
                    assertThat(loaded.recommend(query)).isEqualTo(model.recommend(query));
                }
            }
        }
        assertThatThrownBy(() -> new AutoModelProvider().newTrainer(Map.of("candidates",
                List.of("popularity", "popularity")), context))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("twice");
    }

    @Test
    void theSelectionRecordEndsUpInTheManifestAndTheArtifactLoads(@TempDir Path dir) {
        PluginRegistry registry = baselines();
        ProviderContext context = context(registry);
        RecommendationQuery query = RecommendationQuery.of("c4", List.of("i2", "i3"), 5);
        try (Model model = train(context, Map.of("candidates", List.of("popularity", "item-knn"),
                "validationDays", 3))) {
            ArtifactManifest manifest = ModelArtifacts.save(model, dir, Map.of("seed", 42), context);
            assertThat(manifest.model().provider()).isEqualTo("auto");
            assertThat(manifest.hyperparameters()).containsKeys("candidates", "chosen", "weights", "reason");
            assertThat(manifest.validationScores()).containsKeys("popularity/ndcg@10", "item-knn/ndcg@10");
            assertThat(manifest.files()).containsKeys("model/auto.json", "model/components/item-knn/model.bin");
            try (Model loaded = ModelArtifacts.load(dir, registry::findModel, context)) {
                assertThat(loaded.recommend(query)).isEqualTo(model.recommend(query));
            }
        }
    }

    @Test
    void loadingWithoutAComponentsProviderIsIncompatible(@TempDir Path dir) {
        try (Model model = train(context(baselines()), Map.of("candidates", List.of("popularity", "ease"),
                "validationDays", 3))) {
            model.save(new DirectoryArtifactWriter(dir));
        }
        ArtifactReader payload = new DirectoryArtifactReader(dir);
        PluginRegistry onlyPopularity = PluginRegistry.builder().register(new PopularityModelProvider()).build();
        assertThatThrownBy(() -> new AutoModelProvider().load(payload, 1, context(onlyPopularity)))
                .isInstanceOf(IncompatibleArtifactException.class)
                .hasMessageContaining("'ease'");
    }
}
