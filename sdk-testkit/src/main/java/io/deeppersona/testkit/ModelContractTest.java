package io.deeppersona.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.deeppersona.api.EventLog;
import io.deeppersona.api.Recommendation;
import io.deeppersona.api.RecommendationQuery;
import io.deeppersona.api.error.ArtifactException;
import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.api.error.IncompatibleArtifactException;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.core.eventlog.ColumnarEventLog;
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
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ModelProvider} and its models keep. A plugin author's whole test is a subclass:
 *
 * <pre>{@code
 * class EaseModelContractTest extends ModelContractTest {
 *     @Override protected ModelProvider provider() { return new EaseModelProvider(); }
 *     @Override protected Map<String, Object> smallOptions() { return Map.of("lambda", 10.0); }
 * }
 * }</pre>
 * The model is trained once per test on a seeded synthetic log of 80 customers and 40 items; behaviours a provider
 * does not claim in {@link #capabilities()} are skipped, not failed.
 */
public abstract class ModelContractTest {
    private static final int LIMIT = 5;

    private ProviderContext context;
    private EventLog events;
    private Model model;

    /** Returns a new instance of the provider under test. */
    protected abstract ModelProvider provider();

    /** Returns options with which the provider trains on the synthetic log in seconds on a CPU. */
    protected abstract Map<String, Object> smallOptions();

    /** Returns what the models claim to do; by default the provider's own capabilities. */
    protected Set<ModelCapability> capabilities() {
        return provider().capabilities();
    }

    /**
     * Returns the context the provider trains and loads with; override to give one whose
     * {@link ProviderContext#findModelProvider} finds other models, for models that combine others (such as
     * {@code auto}). By default a context with no registry.
     */
    protected ProviderContext newContext() {
        return DefaultProviderContext.create();
    }

    @BeforeEach
    void buildEvents() {
        context = newContext();
        events = SyntheticEvents.purchases(ColumnarEventLog.builder(), 80, 40, 12, 42);
    }

    @AfterEach
    void closeModel() {
        if (model != null) {
            model.close();
        }
    }

    /** Returns the model trained on the synthetic log, training it on first use. */
    protected final Model model() {
        if (model == null) {
            model = train();
        }
        return model;
    }

    private Model train() {
        return provider().newTrainer(smallOptions(), context).train(TrainingData.of(events));
    }

    private List<RecommendationQuery> sampleQueries() {
        List<RecommendationQuery> queries = new ArrayList<>();
        for (int customer = 0; customer < 20; customer++) {
            List<String> history = new ArrayList<>();
            int index = events.customerIndex("c" + customer);
            for (int row = events.customerRowsStart(index); row < events.customerRowsEnd(index); row++) {
                history.add(events.itemId(events.item(row)));
            }
            Set<String> excluded = customer % 2 == 0 ? Set.copyOf(history) : Set.of();
            queries.add(new RecommendationQuery("c" + customer, history, LIMIT, excluded));
        }
        queries.add(RecommendationQuery.of("new-customer", List.of(), LIMIT));
        return queries;
    }

    private static List<String> ids(List<Recommendation> recommendations) {
        return recommendations.stream().map(Recommendation::itemId).collect(Collectors.toList());
    }

    @Test
    void nameIsLowerKebab() {
        assertThat(provider().name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
    }

    @Test
    void isRegisteredForServiceLoader() {
        assertThat(ServiceLoader.load(ModelProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(provider().getClass());
    }

    @Test
    void unknownOptionIsRejected() {
        Map<String, Object> options = new HashMap<>(smallOptions());
        options.put("no-such-option", 1);
        assertThatThrownBy(() -> provider().newTrainer(options, context))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no-such-option");
    }

    @Test
    void trainsOnSmallSyntheticLog() {
        assumeTrue(capabilities().contains(ModelCapability.RECOMMEND), "model does not recommend");
        assertThat(model().info().provider()).isEqualTo(provider().name());
        assertThat(model().info().payloadVersion()).isEqualTo(provider().payloadVersion());
    }

    @Test
    void recommendReturnsAtMostLimitDistinctItemsNoneExcluded() {
        assumeTrue(capabilities().contains(ModelCapability.RECOMMEND), "model does not recommend");
        for (RecommendationQuery query : sampleQueries()) {
            List<String> items = ids(model().recommend(query));
            assertThat(items).as("answer to %s", query.customerId())
                    .isNotEmpty()
                    .hasSizeLessThanOrEqualTo(query.limit())
                    .doesNotHaveDuplicates()
                    .noneMatch(query.excludedItems()::contains);
        }
    }

    @Test
    void recommendRanksBestFirst() {
        assumeTrue(capabilities().contains(ModelCapability.RECOMMEND), "model does not recommend");
        for (RecommendationQuery query : sampleQueries()) {
            List<Double> scores = model().recommend(query).stream().map(Recommendation::score).toList();
            assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        }
    }

    @Test
    void savedModelRecommendsTheSameAfterLoad() {
        assumeTrue(capabilities().contains(ModelCapability.RECOMMEND), "model does not recommend");
        InMemoryArtifact artifact = new InMemoryArtifact();
        model().save(artifact);
        assertThat(artifact.paths()).isNotEmpty();
        try (Model loaded = provider().load(artifact, provider().payloadVersion(), context)) {
            assertThat(loaded.info().provider()).isEqualTo(provider().name());
            assertThat(loaded.info().hyperparameters()).isEqualTo(model().info().hyperparameters());
            for (RecommendationQuery query : sampleQueries()) {
                assertThat(loaded.recommend(query)).as("answer to %s", query.customerId())
                        .isEqualTo(model().recommend(query));
            }
        }
    }

    @Test
    void refusesNewerPayloadVersion() {
        InMemoryArtifact artifact = new InMemoryArtifact();
        model().save(artifact);
        int newer = provider().payloadVersion() + 1;
        assertThatThrownBy(() -> provider().load(artifact, newer, context))
                .isInstanceOf(IncompatibleArtifactException.class)
                .hasMessageContaining(provider().name())
                .hasMessageContaining(String.valueOf(newer));
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
    void recommendIsThreadSafe() throws Exception {
        assumeTrue(capabilities().contains(ModelCapability.CONCURRENT_RECOMMEND), "no concurrent recommend");
        List<RecommendationQuery> queries = sampleQueries();
        Map<RecommendationQuery, List<Recommendation>> expected = new HashMap<>();
        for (RecommendationQuery query : queries) {
            expected.put(query, model().recommend(query));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int offset = thread;
                tasks.add(() -> {
                    int mismatches = 0;
                    for (int call = 0; call < 50 * queries.size(); call++) {
                        RecommendationQuery query = queries.get((call + offset) % queries.size());
                        if (!model().recommend(query).equals(expected.get(query))) {
                            mismatches++;
                        }
                    }
                    return mismatches;
                });
            }
            for (Future<Integer> result : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
                assertThat(result.get()).as("answers that differ from the single-threaded ones").isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closeIsIdempotent() {
        Model trained = train();
        trained.close();
        assertThatCode(trained::close).doesNotThrowAnyException();
    }
}
