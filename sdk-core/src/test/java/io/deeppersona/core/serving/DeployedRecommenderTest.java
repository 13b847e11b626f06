package io.deeppersona.core.serving;

import static io.deeppersona.core.serving.ServingFixtures.CONTEXT;
import static io.deeppersona.core.serving.ServingFixtures.DAY0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.CustomerEvent;
import io.deeppersona.api.EventType;
import io.deeppersona.api.error.PredictionException;
import io.deeppersona.core.deploy.FileSystemDeployer;
import io.deeppersona.spi.DeployedVersion;
import io.deeppersona.spi.Model;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployedRecommenderTest {
    private static final RecommendationFilters ALL = new RecommendationFilters(false, Set.of(), Set.of(),
            Double.NaN, Double.NaN, Set.of(), Set.of());

    @TempDir
    Path dir;
    private FileSystemDeployer deployer;
    private DeployedRecommender recommender;

    @BeforeEach
    void setUp() {
        deployer = new FileSystemDeployer(dir.resolve("models"), 0, Clock.systemUTC());
        deploy(deployer, "item-knn", true);
        recommender = DeployedRecommender.open(deployer, ServingFixtures.registry(), ServingOptions.defaults());
    }

    @AfterEach
    void tearDown() {
        recommender.close();
    }

    static DeployedVersion deploy(FileSystemDeployer deployer, String provider, boolean campaign) {
        try (Model model = ServingFixtures.train(provider); ServingBundle bundle = ServingFixtures.bundle(campaign)) {
            return ServingArtifacts.deploy(model, bundle, deployer, Map.of("test", provider), CONTEXT);
        }
    }

    private static RecommendationFilters filters(Set<String> include, Set<String> exclude, double min, double max,
            Set<String> allow, Set<String> deny) {
        return new RecommendationFilters(true, include, exclude, min, max, allow, deny);
    }

    private List<String> ids(RecommendationResponse response) {
        return response.items().stream().map(ScoredItem::itemId).toList();
    }

    private static int number(String itemId) {
        return Integer.parseInt(itemId.substring(1));
    }

    @Test
    void knownCustomerGetsModelItemsWithoutPurchasesAndWithReasons() {
        RecommendationResponse response = recommender.recommend("c000", 10, RecommendationFilters.DEFAULT);

        assertThat(response.source()).isEqualTo(RecommendationSource.MODEL);
        assertThat(response.modelVersion()).isEqualTo("v0001");
        assertThat(response.items()).hasSize(10);
        ServingBundle bundle = ServingFixtures.bundle(false);
        CustomerProfile profile = bundle.customer("c000");
        Set<String> bought = java.util.Arrays.stream(profile.purchased()).mapToObj(bundle::itemId)
                .collect(java.util.stream.Collectors.toSet());
        assertThat(ids(response)).doesNotContainAnyElementsOf(bought);
        assertThat(response.items()).allSatisfy(item -> {
            assertThat(item.reason()).isNotBlank();
            assertThat(bought).containsAll(item.becauseOf());
        });
        assertThat(response.items()).anySatisfy(item -> assertThat(item.becauseOf()).isNotEmpty()
                .allSatisfy(because -> assertThat(item.reason()).contains(because)));
        assertThat(recommender.recommend("c000", 30, ALL).items()).extracting(ScoredItem::itemId)
                .containsAnyElementsOf(bought);
    }

    @Test
    void includeCategoryMatchesAnyLevelOfThePath() {
        assertThat(ids(recommender.recommend("c000", 30, filters(Set.of("home"), Set.of(), Double.NaN, Double.NaN,
                Set.of(), Set.of())))).isNotEmpty().allSatisfy(id -> assertThat(number(id)).isLessThan(20));
        List<String> kitchen = ids(recommender.recommend("c000", 30, filters(Set.of("kitchen"), Set.of(),
                Double.NaN, Double.NaN, Set.of(), Set.of())));
        assertThat(kitchen).isNotEmpty().allSatisfy(id -> assertThat(number(id)).isBetween(10, 19));
    }

    @Test
    void excludeCategoryDropsTheWholeSubtree() {
        assertThat(ids(recommender.recommend("c000", 30, filters(Set.of(), Set.of("home"), Double.NaN, Double.NaN,
                Set.of(), Set.of())))).isNotEmpty().allSatisfy(id -> assertThat(number(id)).isGreaterThan(19));
    }

    @Test
    void priceRangeIsInclusive() {
        // Prices are 1 + n: [5, 8] keeps i04..i07.
        List<String> ids = ids(recommender.recommend("c001", 10, filters(Set.of(), Set.of(), 5, 8, Set.of(),
                Set.of())));
        assertThat(ids).isNotEmpty().allSatisfy(id -> assertThat(number(id)).isBetween(4, 7));
    }

    @Test
    void allowListOverFetchesUntilTheAllowedItemsAreFound() {
        // i29 and i28 rank low for a lighting customer, so the runtime must ask the model for more than k.
        RecommendationResponse response = recommender.recommend("c000", 2, new RecommendationFilters(false,
                Set.of(), Set.of(), Double.NaN, Double.NaN, Set.of("i28", "i29", "unknown"), Set.of()));
        assertThat(ids(response)).containsExactlyInAnyOrder("i28", "i29");
    }

    @Test
    void denyListRemovesItems() {
        List<String> before = ids(recommender.recommend("c000", 5, RecommendationFilters.DEFAULT));
        List<String> after = ids(recommender.recommend("c000", 5, filters(Set.of(), Set.of(), Double.NaN,
                Double.NaN, Set.of(), Set.of(before.get(0), before.get(1)))));
        assertThat(after).hasSize(5).doesNotContain(before.get(0), before.get(1))
                .startsWith(before.get(2), before.get(3), before.get(4));
    }

    @Test
    void filtersThatExhaustTheCatalogueReturnFewerItems() {
        RecommendationResponse response = recommender.recommend("c000", 50, ALL);
        assertThat(response.items()).hasSizeLessThanOrEqualTo(30).hasSizeGreaterThan(20);
        assertThat(recommender.recommend("c000", 10, filters(Set.of("toys"), Set.of(), Double.NaN, Double.NaN,
                Set.of(), Set.of())).items()).isEmpty();
    }

    @Test
    void coldStartFallsBackToSegmentThenGlobalPopularity() {
        RecommendationResponse unknown = recommender.recommend("stranger", 3, RecommendationFilters.DEFAULT);
        assertThat(unknown.source()).isEqualTo(RecommendationSource.GLOBAL_POPULARITY);
        assertThat(unknown.items()).allSatisfy(item -> {
            assertThat(item.reason()).isEqualTo("popular overall");
            assertThat(item.becauseOf()).isEmpty();
        });

        // A first event on an item the version does not know gives no usable history, but it tells the segment.
        recommender.record(new CustomerEvent("newcomer", "brand-new", EventType.VIEW, DAY0, 1, Double.NaN,
                Map.of("Country", "FR")));
        RecommendationResponse french = recommender.recommend("newcomer", 3, RecommendationFilters.DEFAULT);
        assertThat(french.source()).isEqualTo(RecommendationSource.SEGMENT_POPULARITY);
        assertThat(french.items().get(0).itemId()).isEqualTo("i29");
        assertThat(french.items()).allSatisfy(item -> assertThat(item.reason()).isEqualTo("popular in segment FR"));
        assertThat(ids(french)).isNotEqualTo(ids(unknown));

        recommender.record(new CustomerEvent("traveller", "brand-new", EventType.VIEW, DAY0, 1, Double.NaN,
                Map.of("Country", "DE")));
        assertThat(recommender.recommend("traveller", 3, RecommendationFilters.DEFAULT).source())
                .isEqualTo(RecommendationSource.GLOBAL_POPULARITY);
    }

    @Test
    void segmentFallbackFillsUpFromGlobalPopularityWhenFiltersExhaustIt() {
        recommender.record(new CustomerEvent("newcomer", "brand-new", EventType.VIEW, DAY0, 1, Double.NaN,
                Map.of("Country", "FR")));
        RecommendationResponse response = recommender.recommend("newcomer", 30, ALL);
        assertThat(response.source()).isEqualTo(RecommendationSource.SEGMENT_POPULARITY);
        assertThat(response.items()).hasSize(30).extracting(ScoredItem::itemId).doesNotHaveDuplicates();
    }

    @Test
    void recordedEventChangesTheNextRecommendation() {
        RecommendationResponse cold = recommender.recommend("newcomer", 5, RecommendationFilters.DEFAULT);
        recommender.record(CustomerEvent.purchase("newcomer", "i25", DAY0, 1, 26));

        RecommendationResponse warm = recommender.recommend("newcomer", 5, RecommendationFilters.DEFAULT);
        assertThat(warm.source()).isEqualTo(RecommendationSource.MODEL);
        assertThat(ids(warm)).isNotEqualTo(ids(cold)).doesNotContain("i25");
        assertThat(warm.items().get(0).becauseOf()).containsExactly("i25");
        assertThat(warm.items()).allSatisfy(item -> assertThat(number(item.itemId())).isGreaterThanOrEqualTo(20));

        recommender.record(CustomerEvent.of("newcomer", "i03", EventType.VIEW, DAY0));
        recommender.record(CustomerEvent.of("newcomer", "i04", EventType.VIEW, DAY0));
        recommender.record(CustomerEvent.of("newcomer", "i05", EventType.VIEW, DAY0));
        // Three lighting views outweigh one garden purchase.
        List<String> mixed = ids(recommender.recommend("newcomer", 5, RecommendationFilters.DEFAULT));
        assertThat(mixed).isNotEqualTo(ids(warm));
        assertThat(mixed.stream().filter(id -> number(id) < 10).count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void recordedPurchaseOfAKnownCustomerIsExcludedNextTime() {
        String top = recommender.recommend("c002", 1, RecommendationFilters.DEFAULT).items().get(0).itemId();
        recommender.record(CustomerEvent.purchase("c002", top, DAY0, 1, 1));
        assertThat(ids(recommender.recommend("c002", 10, RecommendationFilters.DEFAULT))).doesNotContain(top);
    }

    @Test
    void propensityScoresKnownCustomersAndReturnsTheBaseRateForOthers() {
        assertThat(recommender.campaigns()).containsExactly("buy-next-30-days");
        PropensityResponse known = recommender.propensity("c010", "buy-next-30-days");
        assertThat(known.knownCustomer()).isTrue();
        assertThat(known.probability()).isBetween(0.0, 1.0);
        assertThat(known.modelVersion()).isEqualTo("v0001");

        PropensityResponse unknown = recommender.propensity("stranger", "buy-next-30-days");
        assertThat(unknown.knownCustomer()).isFalse();
        double baseRate = ServingFixtures.bundle(true).campaign("buy-next-30-days").orElseThrow().baseRate();
        assertThat(unknown.probability()).isEqualTo(baseRate).isBetween(0.01, 0.99);

        assertThatThrownBy(() -> recommender.propensity("c010", "churn"))
                .isInstanceOf(PredictionException.class)
                .hasMessageContaining("churn").hasMessageContaining("[buy-next-30-days]");
    }

    @Test
    void refusesBadInput() {
        assertThatThrownBy(() -> recommender.recommend("c000", 0, RecommendationFilters.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k must be between 1 and 1000");
        assertThatThrownBy(() -> recommender.recommend("c000", 1001, RecommendationFilters.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> recommender.recommend(" ", 10, RecommendationFilters.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> recommender.recommend("x".repeat(129), 10, RecommendationFilters.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("128");
        assertThatThrownBy(() -> recommender.record(CustomerEvent.of(null, "i01", EventType.VIEW, DAY0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(recommender.recommend("x".repeat(128), 1000, RecommendationFilters.DEFAULT).items())
                .hasSize(30);
    }

    @Test
    void withNothingDeployedRecommendFailsAndAfterCloseToo() {
        FileSystemDeployer empty = new FileSystemDeployer(dir.resolve("empty"), 0, Clock.systemUTC());
        try (DeployedRecommender idle = DeployedRecommender.open(empty, ServingFixtures.registry(),
                ServingOptions.defaults())) {
            assertThat(idle.activeVersion()).isEmpty();
            assertThat(idle.campaigns()).isEmpty();
            assertThatThrownBy(() -> idle.recommend("c000", 10, RecommendationFilters.DEFAULT))
                    .isInstanceOf(PredictionException.class).hasMessageContaining("No model version is deployed");
        }
        recommender.close();
        assertThatThrownBy(() -> recommender.recommend("c000", 10, RecommendationFilters.DEFAULT))
                .isInstanceOf(PredictionException.class).hasMessageContaining("closed");
    }

    @Test
    void recordedHistoryMemoryIsBounded() {
        try (DeployedRecommender bounded = DeployedRecommender.open(deployer, ServingFixtures.registry(),
                new ServingOptions(100, 3, 2, 0))) {
            for (int c = 0; c < 1000; c++) {
                bounded.record(CustomerEvent.purchase("visitor-" + c, "i25", DAY0, 1, 26));
                assertThat(bounded.recordedCustomers()).isLessThanOrEqualTo(100);
            }
            // The most recent customers survive eviction; the oldest are forgotten.
            assertThat(bounded.recommend("visitor-999", 3, RecommendationFilters.DEFAULT).source())
                    .isEqualTo(RecommendationSource.MODEL);
            assertThat(bounded.recommend("visitor-0", 3, RecommendationFilters.DEFAULT).source())
                    .isEqualTo(RecommendationSource.GLOBAL_POPULARITY);

            // The ring keeps 3 items and 2 purchases per customer.
            for (int n = 0; n < 6; n++) {
                bounded.record(CustomerEvent.purchase("ring", ServingFixtures.item(n), DAY0, 1, 1));
            }
            List<String> ids = ids(bounded.recommend("ring", 30, RecommendationFilters.DEFAULT));
            assertThat(ids).doesNotContain("i04", "i05").contains("i00", "i01", "i02", "i03");
        }
    }
}
