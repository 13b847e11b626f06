package io.deeppersona.core.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.deeppersona.api.FeatureTable;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.core.PluginRegistry;
import io.deeppersona.core.deploy.FileSystemDeployer;
import io.deeppersona.core.models.EaseModelProvider;
import io.deeppersona.core.models.ItemKnnModelProvider;
import io.deeppersona.core.models.PopularityModelProvider;
import io.deeppersona.core.models.auto.AutoModelProvider;
import io.deeppersona.spi.Model;
import io.deeppersona.spi.TrainingData;
import io.deeppersona.spi.TrainingListener;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An {@code auto} model loads its components through the registry, so the runtime must hand the registry on. */
class DeployedRecommenderAutoTest {
    @TempDir
    Path dir;

    @Test
    void servesAnAutoModelWhoseComponentsComeFromTheRegistry() {
        PluginRegistry registry = PluginRegistry.builder().register(new PopularityModelProvider())
                .register(new ItemKnnModelProvider()).register(new EaseModelProvider())
                .register(new AutoModelProvider()).build();
        DefaultProviderContext context = DefaultProviderContext.create(Clock.systemUTC(), Map.of(),
                TrainingListener.NONE, registry);
        FileSystemDeployer deployer = new FileSystemDeployer(dir.resolve("models"), 0, Clock.systemUTC());
        try (Model model = registry.model(AutoModelProvider.NAME).newTrainer(Map.of("candidates",
                        List.of("popularity", "item-knn"), "validationDays", 30), context)
                .train(new TrainingData(ServingFixtures.LOG, ServingFixtures.CATALOGUE, FeatureTable.empty()));
                ServingBundle bundle = ServingFixtures.bundle(false)) {
            ServingArtifacts.deploy(model, bundle, deployer, Map.of("test", "auto"), context);
        }

        try (DeployedRecommender recommender = DeployedRecommender.open(deployer, registry,
                ServingOptions.defaults())) {
            RecommendationResponse response = recommender.recommend("c000", 10, RecommendationFilters.DEFAULT);

            assertThat(recommender.activeVersion()).hasValueSatisfying(version ->
                    assertThat(version.provider()).isEqualTo(AutoModelProvider.NAME));
            assertThat(response.source()).isEqualTo(RecommendationSource.MODEL);
            assertThat(response.items()).hasSize(10);
        }
    }
}
