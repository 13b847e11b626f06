package io.deeppersona.core.serving;

import static io.deeppersona.core.serving.ServingFixtures.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.ModelInfo;
import io.deeppersona.api.Recommendation;
import io.deeppersona.api.RecommendationQuery;
import io.deeppersona.api.artifact.ArtifactReader;
import io.deeppersona.api.artifact.ArtifactWriter;
import io.deeppersona.api.error.DeploymentException;
import io.deeppersona.core.PluginRegistry;
import io.deeppersona.core.deploy.FileSystemDeployer;
import io.deeppersona.core.models.EaseModelProvider;
import io.deeppersona.spi.Model;
import io.deeppersona.spi.ModelCapability;
import io.deeppersona.spi.ModelProvider;
import io.deeppersona.spi.ModelTrainer;
import io.deeppersona.spi.ProviderContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A newly loaded version answers its own customers before it serves; one that cannot is never served. */
class DeployedRecommenderWarmUpTest {
    @TempDir
    Path dir;

    private final AtomicInteger calls = new AtomicInteger();
    private final Wrapping counting = new Wrapping("counting-ease", model -> new Wrapped(model, "counting-ease",
            calls::incrementAndGet));
    private final Wrapping broken = new Wrapping("broken-ease", model -> new Wrapped(model, "broken-ease", () -> {
        throw new IllegalStateException("this model cannot recommend");
    }));
    private final PluginRegistry registry = PluginRegistry.builder().register(new EaseModelProvider())
            .register(counting).register(broken).build();

    private void deploy(FileSystemDeployer deployer, String name) {
        try (Model ease = ServingFixtures.train("ease"); ServingBundle bundle = ServingFixtures.bundle(false)) {
            ServingArtifacts.deploy(new Wrapped(ease, name, () -> { }), bundle, deployer, Map.of(), CONTEXT);
        }
    }

    @Test
    void aVersionAnswersItsWarmUpCallsBeforeTheFirstRequest() {
        FileSystemDeployer deployer = new FileSystemDeployer(dir, 0, Clock.systemUTC());
        deploy(deployer, "counting-ease");

        try (DeployedRecommender recommender = DeployedRecommender.open(deployer, registry,
                ServingOptions.defaults().withWarmUpCalls(50))) {
            assertThat(calls).hasValue(50);
            recommender.recommend("c001", 5, RecommendationFilters.DEFAULT);
            assertThat(calls).hasValue(51);
        }
        calls.set(0);
        try (DeployedRecommender cold = DeployedRecommender.open(deployer, registry,
                ServingOptions.defaults().withWarmUpCalls(0))) {
            assertThat(cold.activeVersion()).isPresent();
            assertThat(calls).hasValue(0);
        }
    }

    @Test
    void aVersionThatFailsItsWarmUpIsNotServedAndThePreviousOneStays() {
        FileSystemDeployer deployer = new FileSystemDeployer(dir, 0, Clock.systemUTC());
        deploy(deployer, "counting-ease");
        try (DeployedRecommender recommender = DeployedRecommender.open(deployer, registry,
                ServingOptions.defaults())) {
            deploy(deployer, "broken-ease");

            assertThatThrownBy(recommender::refresh).isInstanceOf(DeploymentException.class)
                    .hasMessageContaining("Version v0002 failed its warm-up")
                    .hasMessageContaining("it is not served");
            assertThatThrownBy(() -> recommender.activate("v0002")).isInstanceOf(DeploymentException.class)
                    .hasMessageContaining("failed its warm-up");
            assertThat(recommender.activeVersion()).hasValueSatisfying(version ->
                    assertThat(version.version()).isEqualTo("v0001"));
            assertThat(recommender.recommend("c001", 5, RecommendationFilters.DEFAULT).items()).hasSize(5);
        }
    }

    @Test
    void warmUpCallsMustNotBeNegative() {
        assertThatThrownBy(() -> ServingOptions.defaults().withWarmUpCalls(-1))
                .hasMessageContaining("'warmUpCalls' is -1");
    }

    /** An EASE model under another provider name, running {@code onRecommend} before each answer. */
    private record Wrapped(Model model, String name, Runnable onRecommend) implements Model {
        @Override
        public ModelInfo info() {
            ModelInfo own = model.info();
            return new ModelInfo(name, own.payloadVersion(), own.hyperparameters(), own.validationScores());
        }

        @Override
        public List<Recommendation> recommend(RecommendationQuery query) {
            onRecommend.run();
            return model.recommend(query);
        }

        @Override
        public void save(ArtifactWriter payload) {
            model.save(payload);
        }

        @Override
        public void close() {
            model.close();
        }
    }

    /** Loads EASE payloads wrapped by {@code wrap}. */
    private record Wrapping(String name, java.util.function.UnaryOperator<Model> wrap) implements ModelProvider {
        @Override
        public int payloadVersion() {
            return new EaseModelProvider().payloadVersion();
        }

        @Override
        public Set<ModelCapability> capabilities() {
            return new EaseModelProvider().capabilities();
        }

        @Override
        public ModelTrainer newTrainer(Map<String, Object> options, ProviderContext context) {
            throw new UnsupportedOperationException("only loads");
        }

        @Override
        public Model load(ArtifactReader payload, int payloadVersion, ProviderContext context) {
            return wrap.apply(new EaseModelProvider().load(payload, payloadVersion, context));
        }
    }
}
