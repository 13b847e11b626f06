package io.deeppersona.core.serving;

import static io.deeppersona.core.serving.ServingFixtures.CONTEXT;
import static io.deeppersona.core.serving.ServingFixtures.DAY0;
import static org.assertj.core.api.Assertions.assertThat;

import io.deeppersona.api.CustomerEvent;
import io.deeppersona.api.EventType;
import io.deeppersona.core.PluginRegistry;
import io.deeppersona.core.deploy.FileSystemDeployer;
import io.deeppersona.core.models.EaseModelProvider;
import io.deeppersona.core.models.IndexedModel;
import io.deeppersona.spi.Model;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model the runtime asks by catalogue index answers exactly as the same model asked by id: the same items, scores
 * and explanations for every customer, with filters and with events recorded a moment ago.
 */
class DeployedRecommenderRoutesTest {
    /** The same EASE model deployed without its indices, so the runtime has to ask it by id. */
    private static final String BY_ID = "ease-by-id";

    @TempDir
    Path dir;

    @Test
    void askingByIndexAndByIdGiveTheSameAnswers() {
        PluginRegistry registry = PluginRegistry.builder().register(new EaseModelProvider())
                .register(new WrappedEaseProvider(BY_ID, model -> new WrappedModel(model, BY_ID, () -> { })))
                .build();
        FileSystemDeployer byIndex = new FileSystemDeployer(dir.resolve("by-index"), 0, Clock.systemUTC());
        FileSystemDeployer byId = new FileSystemDeployer(dir.resolve("by-id"), 0, Clock.systemUTC());
        try (Model ease = ServingFixtures.train("ease"); ServingBundle bundle = ServingFixtures.bundle(false)) {
            assertThat(ease).isInstanceOf(IndexedModel.class);
            ServingArtifacts.deploy(ease, bundle, byIndex, Map.of(), CONTEXT);
            ServingArtifacts.deploy(new WrappedModel(ease, BY_ID, () -> { }), bundle, byId, Map.of(), CONTEXT);
        }
        List<RecommendationFilters> filters = List.of(RecommendationFilters.DEFAULT,
                new RecommendationFilters(false, Set.of(), Set.of(), Double.NaN, Double.NaN, Set.of(), Set.of()),
                new RecommendationFilters(true, Set.of("home"), Set.of("kitchen"), 2, 25, Set.of(),
                        Set.of("i03", "i05", "not-in-catalogue")));
        try (DeployedRecommender indexed = DeployedRecommender.open(byIndex, registry, ServingOptions.defaults());
                DeployedRecommender named = DeployedRecommender.open(byId, registry, ServingOptions.defaults())) {
            for (DeployedRecommender recommender : List.of(indexed, named)) {
                recommender.record(CustomerEvent.purchase("c001", "i27", DAY0, 1, 28));
                recommender.record(CustomerEvent.purchase("c002", "outside-the-catalogue", DAY0, 1, 3));
                recommender.record(CustomerEvent.of("c003", "i11", EventType.VIEW, DAY0));
                recommender.record(CustomerEvent.of("newcomer", "i12", EventType.VIEW, DAY0));
            }
            List<String> customers = new java.util.ArrayList<>(indexed.knownCustomers());
            customers.add("newcomer");
            for (String customer : customers) {
                for (RecommendationFilters filter : filters) {
                    RecommendationResponse expected = named.recommend(customer, 7, filter);
                    RecommendationResponse actual = indexed.recommend(customer, 7, filter);
                    assertThat(actual.source()).isEqualTo(expected.source());
                    assertThat(actual.items()).as("%s with %s", customer, filter)
                            .usingRecursiveFieldByFieldElementComparatorIgnoringFields("reason")
                            .isEqualTo(expected.items());
                }
            }
        }
    }
}
