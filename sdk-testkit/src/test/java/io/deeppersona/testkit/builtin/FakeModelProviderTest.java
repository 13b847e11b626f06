package io.deeppersona.testkit.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.RecommendationQuery;
import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.core.artifact.ModelArtifacts;
import io.deeppersona.core.eventlog.ColumnarEventLog;
import io.deeppersona.spi.Model;
import io.deeppersona.spi.ModelProvider;
import io.deeppersona.spi.TrainingData;
import io.deeppersona.testkit.fakes.FakeModelProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FakeModelProviderTest {
    private final DefaultProviderContext context = DefaultProviderContext.create();
    private final FakeModelProvider provider = new FakeModelProvider();

    @Test
    void trainsSavesAndLoadsTheSameRanking(@TempDir Path dir) {
        Model trained = provider.newTrainer(Map.of("items", List.of("p", "q", "r")), context)
                .train(TrainingData.of(ColumnarEventLog.builder().build()));
        ModelArtifacts.save(trained, dir.resolve("a"), Map.of(), context);

        try (Model loaded = ModelArtifacts.load(dir.resolve("a"),
                name -> name.equals(provider.name()) ? Optional.of(provider) : Optional.empty(), context)) {
            RecommendationQuery query = new RecommendationQuery("c", List.of(), 5, java.util.Set.of("q"));
            assertThat(loaded.recommend(query)).isEqualTo(trained.recommend(query))
                    .extracting(r -> r.itemId()).containsExactly("p", "r");
        }
    }

    @Test
    void bindsOptionsStrictly() {
        assertThatThrownBy(() -> provider.newTrainer(Map.of("itemz", List.of()), context))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("itemz");
    }

    @Test
    void isRegisteredOnlyInTestResources() {
        assertThat(ServiceLoader.load(ModelProvider.class, getClass().getClassLoader()).stream()
                .map(ServiceLoader.Provider::type))
                .contains(FakeModelProvider.class);
    }
}
