package io.deeppersona.core.serving;

import static io.deeppersona.core.serving.ServingFixtures.DAY0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.CustomerEvent;
import io.deeppersona.api.error.DeploymentException;
import io.deeppersona.core.deploy.FileSystemDeployer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployedRecommenderSwapTest {
    private static final RecommendationFilters IN_STOCK = new RecommendationFilters(true, Set.of(), Set.of("garden"),
            Double.NaN, 25, Set.of(), Set.of("i00"));

    @TempDir
    Path dir;
    private FileSystemDeployer deployer;
    private DeployedRecommender recommender;
    private ExecutorService pool;

    @BeforeEach
    void setUp() {
        deployer = new FileSystemDeployer(dir.resolve("models"), 0, Clock.systemUTC());
        DeployedRecommenderTest.deploy(deployer, "popularity", false);
        DeployedRecommenderTest.deploy(deployer, "ease", false);
        recommender = DeployedRecommender.open(deployer, ServingFixtures.registry(), ServingOptions.defaults());
        pool = Executors.newFixedThreadPool(9);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        recommender.close();
    }

    private static List<String> customers() {
        List<String> customers = new ArrayList<>();
        for (int c = 0; c < 200; c += 3) {
            customers.add(String.format("c%03d", c));
        }
        customers.add("stranger");
        customers.add("recorded");
        return customers;
    }

    @Test
    void concurrentCallsAnswerLikeSingleThreadedOnes() throws Exception {
        recommender.record(CustomerEvent.purchase("recorded", "i12", DAY0, 1, 13));
        List<String> customers = customers();
        Map<String, RecommendationResponse> expected = new java.util.HashMap<>();
        for (String customer : customers) {
            expected.put(customer, recommender.recommend(customer, 10, IN_STOCK));
        }
        List<Future<Integer>> results = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int thread = 0; thread < 8; thread++) {
            int offset = thread;
            results.add(pool.submit(() -> {
                start.await();
                int checked = 0;
                for (int round = 0; round < 20; round++) {
                    for (int i = 0; i < customers.size(); i++) {
                        String customer = customers.get((i + offset * 7) % customers.size());
                        assertThat(recommender.recommend(customer, 10, IN_STOCK)).isEqualTo(expected.get(customer));
                        checked++;
                    }
                }
                return checked;
            }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> result : results) {
            total += result.get(60, TimeUnit.SECONDS);
        }
        assertThat(total).isEqualTo(8 * 20 * customers.size());
    }

    @Test
    void hotSwapUnderLoadFailsNoCall() throws Exception {
        List<String> customers = customers();
        AtomicBoolean swapping = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger calls = new AtomicInteger();
        Set<String> seenVersions = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Future<?>> callers = new ArrayList<>();
        for (int thread = 0; thread < 8; thread++) {
            int offset = thread;
            callers.add(pool.submit(() -> {
                int i = offset;
                while (swapping.get()) {
                    try {
                        RecommendationResponse response = recommender.recommend(customers.get(i++ % customers.size()),
                                10, IN_STOCK);
                        seenVersions.add(response.modelVersion());
                        if (response.items().isEmpty()) {
                            failures.add(new AssertionError("empty response from " + response.modelVersion()));
                        }
                        calls.incrementAndGet();
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }
            }));
        }
        Future<?> swapper = pool.submit(() -> {
            try {
                for (int swap = 0; swap < 20; swap++) {
                    recommender.activate(swap % 2 == 0 ? "v0001" : "v0002");
                }
            } finally {
                swapping.set(false);
            }
            return null;
        });
        swapper.get(120, TimeUnit.SECONDS);
        for (Future<?> caller : callers) {
            caller.get(30, TimeUnit.SECONDS);
        }
        assertThat(failures).isEmpty();
        assertThat(calls.get()).isGreaterThan(20);
        assertThat(seenVersions).containsAnyOf("v0001", "v0002");
        assertThat(recommender.activeVersion().orElseThrow().version()).isEqualTo("v0002");
        assertThat(deployer.active().orElseThrow().version()).isEqualTo("v0002");
    }

    @Test
    void failedActivationLeavesThePreviousVersionServing() throws Exception {
        DeployedRecommenderTest.deploy(deployer, "item-knn", false);
        recommender.refresh();
        assertThat(recommender.activeVersion().orElseThrow().version()).isEqualTo("v0003");
        RecommendationResponse before = recommender.recommend("c004", 5, RecommendationFilters.DEFAULT);

        Path customers = deployer.artifactPath("v0001").resolve("serving/customers.jsonl");
        Files.writeString(customers, Files.readString(customers).replace("\"c000\"", "\"c00X\""));
        assertThatThrownBy(() -> recommender.activate("v0001"))
                .isInstanceOf(DeploymentException.class).hasMessageContaining("customers.jsonl");
        assertThatThrownBy(() -> recommender.activate("v0042"))
                .isInstanceOf(DeploymentException.class).hasMessageContaining("v0042");

        assertThat(recommender.activeVersion().orElseThrow().version()).isEqualTo("v0003");
        assertThat(deployer.active().orElseThrow().version()).isEqualTo("v0003");
        assertThat(recommender.recommend("c004", 5, RecommendationFilters.DEFAULT)).isEqualTo(before);
    }

    @Test
    void refreshPicksUpAVersionActivatedByAnotherProcess() {
        assertThat(recommender.activeVersion().orElseThrow().version()).isEqualTo("v0002");
        new FileSystemDeployer(dir.resolve("models"), 0, Clock.systemUTC()).activate("v0001");
        assertThat(recommender.recommend("c001", 3, RecommendationFilters.DEFAULT).modelVersion()).isEqualTo("v0002");

        assertThat(recommender.refresh().orElseThrow().version()).isEqualTo("v0001");
        assertThat(recommender.recommend("c001", 3, RecommendationFilters.DEFAULT).modelVersion()).isEqualTo("v0001");
        assertThat(recommender.versions()).extracting(v -> v.version()).containsExactly("v0001", "v0002");
    }

    @Test
    void recordedEventsSurviveASwap() {
        recommender.record(CustomerEvent.purchase("newcomer", "i25", DAY0, 1, 26));
        RecommendationResponse ease = recommender.recommend("newcomer", 5, RecommendationFilters.DEFAULT);
        recommender.activate("v0001");
        RecommendationResponse popularity = recommender.recommend("newcomer", 5, RecommendationFilters.DEFAULT);
        assertThat(ease.source()).isEqualTo(RecommendationSource.MODEL);
        assertThat(popularity.source()).isEqualTo(RecommendationSource.MODEL);
        assertThat(popularity.items()).extracting(ScoredItem::itemId).doesNotContain("i25");
        assertThat(popularity.modelVersion()).isEqualTo("v0001");
    }
}
