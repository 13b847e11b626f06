package io.deeppersona.server;

import io.deeppersona.api.CustomerEvent;
import io.deeppersona.api.error.DeploymentException;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A deterministic stand-in for the real runtime: items "item-0".."item-(k-1)" whose ids carry the customer id, so
 * concurrent answers can be checked against their requests. Special inputs trigger failures.
 */
final class FakeRecommender implements Recommender {
    static final String BOOM_CUSTOMER = "boom-secret-customer";
    static final String BROKEN_VERSION = "v-broken";
    static final String REFUSED_ITEM = "refused-item";
    static final String SLOW_CUSTOMER = "slow-customer";

    final CountDownLatch slowStarted = new CountDownLatch(1);
    final Queue<CustomerEvent> recorded = new ConcurrentLinkedQueue<>();
    final AtomicReference<RecommendationFilters> lastFilters = new AtomicReference<>();
    private final AtomicReference<String> active;
    private final List<String> known = List.of("v1", "v2", BROKEN_VERSION);

    FakeRecommender(String activeVersion) {
        active = new AtomicReference<>(activeVersion);
    }

    @Override
    public RecommendationResponse recommend(String customerId, int k, RecommendationFilters filters) {
        String version = requireActive();
        if (customerId.equals(BOOM_CUSTOMER)) {
            throw new IllegalStateException("model exploded for customer " + customerId);
        }
        if (customerId.equals(SLOW_CUSTOMER)) {
            slowStarted.countDown();
            try {
                Thread.sleep(700);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        lastFilters.set(filters);
        List<ScoredItem> items = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            items.add(new ScoredItem(customerId + "-item-" + i, 1.0 / (i + 1), "because", List.of("seen-1")));
        }
        return new RecommendationResponse(customerId, version, RecommendationSource.MODEL, items);
    }

    @Override
    public PropensityResponse propensity(String customerId, String campaign) {
        String version = requireActive();
        if (!campaigns().contains(campaign)) {
            throw new PredictionException("no campaign " + campaign);
        }
        return new PropensityResponse(customerId, campaign, version, 0.25, true);
    }

    @Override
    public List<String> campaigns() {
        return active.get() == null ? List.of() : List.of("newsletter", "winback");
    }

    @Override
    public void record(CustomerEvent event) {
        if (event.itemId().equals(REFUSED_ITEM)) {
            throw new IllegalArgumentException("unknown item " + event.itemId());
        }
        recorded.add(event);
    }

    @Override
    public Optional<DeployedVersion> activeVersion() {
        String version = active.get();
        return version == null ? Optional.empty() : Optional.of(version(version));
    }

    @Override
    public List<DeployedVersion> versions() {
        return known.stream().map(this::version).toList();
    }

    @Override
    public DeployedVersion activate(String version) {
        if (version.equals(BROKEN_VERSION)) {
            throw new DeploymentException("version " + version + " failed its checksum; " + active.get()
                    + " stays active");
        }
        if (!known.contains(version)) {
            throw new DeploymentException("unknown version " + version);
        }
        active.set(version);
        return version(version);
    }

    private DeployedVersion version(String version) {
        return new DeployedVersion(version, "popularity", Instant.parse("2025-01-31T09:12:00Z"),
                Map.of("ndcg@10", 0.05), version.equals(active.get()));
    }

    private String requireActive() {
        String version = active.get();
        if (version == null) {
            throw new PredictionException("no model version is active");
        }
        return version;
    }

    @Override
    public void close() {
    }
}
