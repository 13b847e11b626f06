package io.deeppersona.core.serving;

import static io.deeppersona.core.serving.ServingFixtures.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.error.DeploymentException;
import io.deeppersona.core.PluginRegistry;
import io.deeppersona.core.deploy.FileSystemDeployer;
import io.deeppersona.core.models.EaseModelProvider;
import io.deeppersona.spi.Model;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A newly loaded version answers its own customers before it serves; one that cannot is never served. */
class DeployedRecommenderWarmUpTest {
    @TempDir
    Path dir;

    private final AtomicInteger calls = new AtomicInteger();
    private final WrappedEaseProvider counting = new WrappedEaseProvider("counting-ease",
            model -> new WrappedModel(model, "counting-ease", calls::incrementAndGet));
    private final WrappedEaseProvider broken = new WrappedEaseProvider("broken-ease",
            model -> new WrappedModel(model, "broken-ease", () -> {
                throw new IllegalStateException("this model cannot recommend");
            }));
    private final PluginRegistry registry = PluginRegistry.builder().register(new EaseModelProvider())
            .register(counting).register(broken).build();

    private void deploy(FileSystemDeployer deployer, String name) {
        try (Model ease = ServingFixtures.train("ease"); ServingBundle bundle = ServingFixtures.bundle(false)) {
            ServingArtifacts.deploy(new WrappedModel(ease, name, () -> { }), bundle, deployer, Map.of(), CONTEXT);
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
}
