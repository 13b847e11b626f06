package io.deeppersona.core.serving.batch;

import io.deeppersona.api.CustomerEvent;
import io.deeppersona.api.error.PredictionException;
import io.deeppersona.core.serving.PropensityResponse;
import io.deeppersona.core.serving.RecommendationFilters;
import io.deeppersona.core.serving.RecommendationResponse;
import io.deeppersona.core.serving.RecommendationSource;
import io.deeppersona.core.serving.Recommender;
import io.deeppersona.core.serving.ScoredItem;
import io.deeppersona.spi.DeployedVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A deterministic {@link Recommender} for batch tests: each customer's ranking and propensities follow from a
 * Random seeded with the customer id, customers named {@code new-*} get the global-popularity fallback, and
 * scoring takes a customer-dependent few microseconds so that parallel tasks finish out of order.
 */
final class FakeRecommender implements Recommender {
    static final Instant DEPLOYED = Instant.parse("2025-01-31T00:00:00Z");

    private final List<String> catalogue;
    private final List<String> campaigns;
    private final Map<String, List<String>> fixedItems = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();
    private volatile String version = "v0001";

    FakeRecommender(List<String> campaigns) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            items.add(String.format("item-%02d", i));
        }
        this.catalogue = List.copyOf(items);
        this.campaigns = List.copyOf(campaigns);
    }

    /** Makes the customer get exactly these items, e.g. a poisoned one. */
    FakeRecommender fixItems(String customerId, List<String> items) {
        fixedItems.put(customerId, List.copyOf(items));
        return this;
    }

    /** Makes every call for the customer fail. */
    FakeRecommender failFor(String customerId) {
        failing.add(customerId);
        return this;
    }

    int maxConcurrentCalls() {
        return maxRunning.get();
    }

    @Override
    public RecommendationResponse recommend(String customerId, int k, RecommendationFilters filters) {
        running.incrementAndGet();
        maxRunning.accumulateAndGet(running.get(), Math::max);
        try {
            if (failing.contains(customerId)) {
                throw new PredictionException("the fake model failed on purpose");
            }
            Random random = new Random(customerId.hashCode());
            LockSupport.parkNanos(random.nextInt(200_000));
            if (customerId.startsWith("new")) {
                List<ScoredItem> items = new ArrayList<>();
                for (int i = 0; i < k; i++) {
                    items.add(new ScoredItem(catalogue.get(i), k - i, "popular overall", List.of()));
                }
                return new RecommendationResponse(customerId, version, RecommendationSource.GLOBAL_POPULARITY, items);
            }
            List<String> ranking = fixedItems.get(customerId);
            if (ranking == null) {
                List<String> shuffled = new ArrayList<>(catalogue);
                Collections.shuffle(shuffled, random);
                ranking = shuffled;
            }
            List<ScoredItem> items = new ArrayList<>();
            for (int i = 0; i < Math.min(k, ranking.size()); i++) {
                String because = catalogue.get((i * 7 + 3) % catalogue.size());
                items.add(new ScoredItem(ranking.get(i), 1.0 / (i + 1), "bought with " + because,
                        List.of(because)));
            }
            return new RecommendationResponse(customerId, version, RecommendationSource.MODEL, items);
        } finally {
            running.decrementAndGet();
        }
    }

    @Override
    public PropensityResponse propensity(String customerId, String campaign) {
        if (!campaigns.contains(campaign)) {
            throw new PredictionException("no model for campaign '" + campaign + "'");
        }
        double probability = new Random(31L * customerId.hashCode() + campaign.hashCode()).nextDouble();
        return new PropensityResponse(customerId, campaign, version, probability, !customerId.startsWith("new"));
    }

    @Override
    public List<String> campaigns() {
        return campaigns;
    }

    @Override
    public void record(CustomerEvent event) {
    }

    @Override
    public Optional<DeployedVersion> activeVersion() {
        return Optional.of(new DeployedVersion(version, "fake", DEPLOYED, Map.of(), true));
    }

    @Override
    public List<DeployedVersion> versions() {
        return List.of(activeVersion().orElseThrow());
    }

    @Override
    public DeployedVersion activate(String version) {
        this.version = version;
        return activeVersion().orElseThrow();
    }

    @Override
    public void close() {
    }
}
