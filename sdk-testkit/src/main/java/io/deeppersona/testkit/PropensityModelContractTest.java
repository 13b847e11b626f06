package io.deeppersona.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.deeppersona.api.FeatureVector;
import io.deeppersona.api.RecommendationQuery;
import io.deeppersona.api.error.ArtifactException;
import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.api.error.IncompatibleArtifactException;
import io.deeppersona.api.error.PredictionException;
import io.deeppersona.api.error.TrainingException;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.core.eval.PropensityMetrics;
import io.deeppersona.spi.Model;
import io.deeppersona.spi.ModelCapability;
import io.deeppersona.spi.ModelProvider;
import io.deeppersona.spi.ProviderContext;
import io.deeppersona.spi.TrainingData;
import io.deeppersona.testkit.fakes.InMemoryArtifact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of propensity models ({@link ModelCapability#PROPENSITY}), which train on features and labels
 * rather than on events and so do not fit {@link ModelContractTest}. A subclass names the provider, small options
 * and its training data (see {@link SyntheticPropensity}):
 *
 * <pre>{@code
 * class LogisticRegressionContractTest extends PropensityModelContractTest {
 *     @Override protected ModelProvider provider() { return new LogisticRegressionModelProvider(); }
 *     @Override protected Map<String, Object> smallOptions() { return Map.of(); }
 *     @Override protected TrainingData trainingData() { return SyntheticPropensity.tabular(400, 7); }
 * }
 * }</pre>
 */
public abstract class PropensityModelContractTest {
    private final ProviderContext context = DefaultProviderContext.create();
    private TrainingData data;
    private Model model;

    protected abstract ModelProvider provider();

    /** Options with which the provider trains on {@link #trainingData()} in seconds. */
    protected abstract Map<String, Object> smallOptions();

    /** Labelled features the model trains on; the label must be learnable from them. */
    protected abstract TrainingData trainingData();

    /** The lowest AUC the trained model must reach on its own training rows. */
    protected double minimumTrainingAuc() {
        return 0.6;
    }

    @AfterEach
    void closeModel() {
        if (model != null) {
            model.close();
        }
    }

    private TrainingData data() {
        if (data == null) {
            data = trainingData();
        }
        return data;
    }

    private Model model() {
        if (model == null) {
            model = train(smallOptions());
        }
        return model;
    }

    private Model train(Map<String, Object> options) {
        return provider().newTrainer(options, context).train(data());
    }

    private double[] scores(Model scored) {
        return scored.propensities(data().features().rows());
    }

    private boolean[] outcomes() {
        List<FeatureVector> rows = data().features().rows();
        boolean[] outcomes = new boolean[rows.size()];
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] = data().labels().get(rows.get(i).customerId()) == 1f;
        }
        return outcomes;
    }

    @Test
    void claimsPropensityAndIsDiscoverable() {
        assertThat(provider().capabilities()).contains(ModelCapability.PROPENSITY);
        assertThat(provider().name()).matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
        assertThat(ServiceLoader.load(ModelProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(provider().getClass());
    }

    @Test
    void rejectsUnknownOption() {
        Map<String, Object> options = new HashMap<>(smallOptions());
        options.put("noSuchOption", 1);
        assertThatThrownBy(() -> provider().newTrainer(options, context))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("noSuchOption");
    }

    @Test
    void scoresAreProbabilitiesThatRankTheTrainingRows() {
        double[] scores = scores(model());
        assertThat(java.util.Arrays.stream(scores).allMatch(p -> p >= 0 && p <= 1)).as("scores in [0, 1]").isTrue();
        assertThat(PropensityMetrics.auc(scores, outcomes())).isGreaterThan(minimumTrainingAuc());
        assertThat(model().info().provider()).isEqualTo(provider().name());
    }

    @Test
    void batchScoresMatchOneByOneScores() {
        List<FeatureVector> rows = data().features().rows().subList(0, 20);
        double[] batch = model().propensities(rows);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(model().propensity(rows.get(i))).as("row %d", i).isCloseTo(batch[i], within(1e-6));
        }
    }

    @Test
    void refusesToRecommend() {
        assertThatThrownBy(() -> model().recommend(RecommendationQuery.of("c0", List.of(), 5)))
                .isInstanceOf(PredictionException.class);
    }

    @Test
    void refusesDataWithoutLabels() {
        TrainingData unlabelled = new TrainingData(data().events(), data().catalogue(), data().features());
        assertThatThrownBy(() -> provider().newTrainer(smallOptions(), context).train(unlabelled))
                .isInstanceOf(TrainingException.class);
    }

    @Test
    void loadedModelScoresAsSaved() {
        InMemoryArtifact artifact = new InMemoryArtifact();
        model().save(artifact);
        try (Model loaded = provider().load(artifact, provider().payloadVersion(), context)) {
            assertThat(scores(loaded)).containsExactly(scores(model()));
            assertThat(loaded.info()).isEqualTo(model().info());
        }
    }

    @Test
    void refusesNewerPayloadVersion() {
        InMemoryArtifact artifact = new InMemoryArtifact();
        model().save(artifact);
        int newer = provider().payloadVersion() + 1;
        assertThatThrownBy(() -> provider().load(artifact, newer, context))
                .isInstanceOf(IncompatibleArtifactException.class).hasMessageContaining(provider().name());
    }

    @Test
    void refusesTruncatedPayload() {
        InMemoryArtifact artifact = new InMemoryArtifact();
        model().save(artifact);
        for (String path : artifact.paths()) {
            int length = artifact.bytes(path).length;
            InMemoryArtifact damaged = new InMemoryArtifact();
            model().save(damaged);
            damaged.truncate(path, length / 2);
            assertThatThrownBy(() -> provider().load(damaged, provider().payloadVersion(), context).close())
                    .as("payload with '%s' cut to %d of %d bytes", path, length / 2, length)
                    .isInstanceOf(ArtifactException.class);
        }
    }

    @Test
    void oneSeedGivesOneModel() {
        assumeTrue(provider().capabilities().contains(ModelCapability.SEEDED), "not seeded");
        Map<String, Object> options = new HashMap<>(smallOptions());
        options.put("seed", 7);
        try (Model first = train(options); Model second = train(options)) {
            assertThat(scores(second)).containsExactly(scores(first));
        }
    }

    @Test
    void propensityIsThreadSafe() throws Exception {
        List<FeatureVector> rows = data().features().rows().subList(0, 50);
        double[] expected = new double[rows.size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = model().propensity(rows.get(i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                tasks.add(() -> {
                    for (int i = 0; i < rows.size(); i++) {
                        if (model().propensity(rows.get(i)) != expected[i]) {
                            return false;
                        }
                    }
                    return true;
                });
            }
            for (Future<Boolean> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
