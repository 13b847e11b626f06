package io.deeppersona.core.serving;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.CustomerEvent;
import io.deeppersona.api.FeatureVector;
import io.deeppersona.api.error.DeploymentException;
import io.deeppersona.api.error.PersonalizationException;
import io.deeppersona.api.error.PredictionException;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.core.PluginRegistry;
import io.deeppersona.core.deploy.FileSystemDeployer;
import io.deeppersona.spi.DeployedVersion;
import io.deeppersona.spi.Deployer;
import io.deeppersona.spi.ProviderContext;
import io.deeppersona.spi.TrainingListener;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process {@link Recommender}: serves the active version of a {@link Deployer}, whose artifacts carry a
 * {@link ServingBundle} (made with {@link ServingArtifacts}).
 *
 * <pre>{@code
 * try (DeployedRecommender recommender = DeployedRecommender.open(modelDir, registry)) {
 *     RecommendationResponse r = recommender.recommend("12345", 10, RecommendationFilters.DEFAULT);
 * }
 * }</pre>
 *
 * <p>Thread-safe. A version is loaded completely before it replaces the served one in one atomic step; calls in
 * flight keep the version they started with, which is closed when the last of them returns. Recorded events are
 * kept across swaps. Customer ids are never logged.
 */
public final class DeployedRecommender implements Recommender {
    /** The longest customer id accepted. */
    public static final int MAX_CUSTOMER_ID_LENGTH = 128;
    /** The most items one request may ask for. */
    public static final int MAX_K = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(DeployedRecommender.class);
    /**
     * Longest a version's warm-up may take: 10,000 calls of the default model take ~1.7 s cold, a DL4J network's
     * take ~3 ms each, so a slow model warms up for this long and then serves.
     */
    public static final Duration WARM_UP_LIMIT = Duration.ofSeconds(5);

    private final Deployer deployer;
    private final PluginRegistry registry;
    private final ProviderContext context;
    private final RecordedEvents recorded;
    private final int warmUpCalls;
    private final AtomicReference<LoadedVersion> current = new AtomicReference<>();
    private final Object swapLock = new Object();
    private volatile boolean closed;

    private DeployedRecommender(Deployer deployer, PluginRegistry registry, ServingOptions options,
            ProviderContext context) {
        this.deployer = requireNonNull(deployer, "deployer is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.context = requireNonNull(context, "context is null");
        this.recorded = new RecordedEvents(requireNonNull(options, "options is null"));
        this.warmUpCalls = options.warmUpCalls();
    }

    /**
     * Opens a runtime over {@code deployer} and loads its active version, if any (until one is deployed,
     * {@code recommend} fails with {@link PredictionException}).
     *
     * @throws DeploymentException if the active version cannot be loaded
     */
    public static DeployedRecommender open(Deployer deployer, PluginRegistry registry, ServingOptions options) {
        // The context carries the registry: composite models (auto) resolve their components' providers through it.
        DeployedRecommender recommender = new DeployedRecommender(deployer, registry, options,
                DefaultProviderContext.create(Clock.systemUTC(), Map.of(), TrainingListener.NONE,
                        requireNonNull(registry, "registry is null")));
        recommender.refresh();
        return recommender;
    }

    /** Opens a runtime over a {@link FileSystemDeployer} at {@code modelDir}, with default options. */
    public static DeployedRecommender open(Path modelDir, PluginRegistry registry) {
        return open(modelDir, registry, ServingOptions.defaults());
    }

    /** Opens a runtime over a {@link FileSystemDeployer} at {@code modelDir}. */
    public static DeployedRecommender open(Path modelDir, PluginRegistry registry, ServingOptions options) {
        return open(new FileSystemDeployer(modelDir, 0, Clock.systemUTC(), registry::findModel), registry, options);
    }

    @Override
    public RecommendationResponse recommend(String customerId, int k, RecommendationFilters filters) {
        checkCustomerId(customerId);
        if (k < 1 || k > MAX_K) {
            throw new IllegalArgumentException("k must be between 1 and " + MAX_K + ", got " + k);
        }
        requireNonNull(filters, "filters is null");
        RecordedHistory.Snapshot events = recorded.get(customerId);
        LoadedVersion version = acquire();
        try {
            return RecommendationPlanner.answer(version, customerId, k, filters, events);
        } finally {
            version.release();
        }
    }

    @Override
    public PropensityResponse propensity(String customerId, String campaign) {
        checkCustomerId(customerId);
        requireNonNull(campaign, "campaign is null");
        LoadedVersion version = acquire();
        try {
            String versionId = version.version().version();
            ServingCampaign served = version.bundle().campaign(campaign).orElseThrow(() -> new PredictionException(
                    "Unknown campaign '" + campaign + "' in version " + versionId + "; campaigns: "
                            + version.bundle().campaignNames()));
            FeatureVector features = served.features().get(customerId);
            if (features == null) {
                return new PropensityResponse(customerId, campaign, versionId, served.baseRate(), false);
            }
            double probability;
            try {
                probability = served.model().propensity(features);
            } catch (PersonalizationException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new PredictionException("Campaign '" + campaign + "' of version " + versionId
                        + " failed to score: " + e, e);
            }
            if (Double.isNaN(probability)) {
                throw new PredictionException("Campaign '" + campaign + "' of version " + versionId
                        + " scored NaN; expected a probability");
            }
            return new PropensityResponse(customerId, campaign, versionId, Math.min(1, Math.max(0, probability)),
                    true);
        } finally {
            version.release();
        }
    }

    @Override
    public List<String> campaigns() {
        LoadedVersion version = current.get();
        if (version == null || !version.retain()) {
            return List.of();
        }
        try {
            return version.bundle().campaignNames();
        } finally {
            version.release();
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the event has no customer id or it is too long
     */
    @Override
    public void record(CustomerEvent event) {
        requireNonNull(event, "event is null");
        if (event.customerId() == null) {
            throw new IllegalArgumentException("event has no customer id; only a customer's events can be recorded");
        }
        checkCustomerId(event.customerId());
        LoadedVersion version = current.get();
        // Only an immutable field of the bundle is read, which stays valid even if the version retires meanwhile.
        String segmentAttribute = version == null ? null : version.bundle().segmentAttribute().orElse(null);
        recorded.record(event, segmentAttribute);
    }

    @Override
    public Optional<DeployedVersion> activeVersion() {
        LoadedVersion version = current.get();
        return version == null ? Optional.empty() : Optional.of(version.version());
    }

    @Override
    public List<DeployedVersion> versions() {
        return deployer.versions();
    }

    @Override
    public DeployedVersion activate(String version) {
        requireNonNull(version, "version is null");
        synchronized (swapLock) {
            checkOpen();
            LoadedVersion loaded = loadWarm(version);
            try {
                deployer.activate(version);
            } catch (RuntimeException e) {
                loaded.release();
                if (e instanceof DeploymentException deployment) {
                    throw deployment;
                }
                throw new DeploymentException("Cannot activate " + version + ": " + e.getMessage()
                        + "; the previous version keeps serving", e);
            }
            swap(loaded);
            return loaded.version();
        }
    }

    /**
     * Loads a version and warms it up (see {@link ServingOptions#warmUpCalls()}) before anyone calls it.
     *
     * @throws DeploymentException if it does not load or fails a warm-up call; nothing is left open
     */
    private LoadedVersion loadWarm(String version) {
        LoadedVersion loaded = LoadedVersion.load(deployer, version, registry, context);
        try {
            long start = System.nanoTime();
            int calls = loaded.warmUp(warmUpCalls, WARM_UP_LIMIT);
            if (calls > 0) {
                LOG.info("Warmed up version {} with {} recommendations in {} ms", version, calls,
                        (System.nanoTime() - start) / 1_000_000);
            }
            return loaded;
        } catch (RuntimeException e) {
            loaded.release();
            throw new DeploymentException("Version " + version + " failed its warm-up (" + e.getMessage()
                    + "); it is not served", e);
        }
    }

    /**
     * Serves the deployer's active version if it differs from the one served, e.g. after another process
     * activated or deployed a version.
     *
     * @return the version served after the call, if any
     * @throws DeploymentException if the new active version cannot be loaded; the served version stays
     */
    public Optional<DeployedVersion> refresh() {
        synchronized (swapLock) {
            checkOpen();
            Optional<DeployedVersion> active = deployer.active();
            LoadedVersion served = current.get();
            if (active.isPresent() && (served == null
                    || !served.version().version().equals(active.get().version()))) {
                swap(loadWarm(active.get().version()));
            }
            return activeVersion();
        }
    }

    /**
     * Returns the customers the served version was trained on, sorted, e.g. to score them all in a batch; empty
     * when nothing is served. Customers known only from recorded events are not included.
     */
    public List<String> knownCustomers() {
        LoadedVersion version = current.get();
        if (version == null || !version.retain()) {
            return List.of();
        }
        try {
            return version.bundle().customers().keySet().stream().sorted().toList();
        } finally {
            version.release();
        }
    }

    /** Returns how many customers have recorded events held in memory. */
    public int recordedCustomers() {
        return recorded.size();
    }

    @Override
    public void close() {
        synchronized (swapLock) {
            closed = true;
            LoadedVersion old = current.getAndSet(null);
            if (old != null) {
                old.release();
            }
        }
    }

    private void swap(LoadedVersion loaded) {
        LoadedVersion old = current.getAndSet(loaded);
        if (old != null) {
            old.release();
        }
        LOG.info("Serving version {} (model '{}', {} items, {} customers)", loaded.version().version(),
                loaded.version().provider(), loaded.bundle().itemCount(), loaded.bundle().customerCount());
    }

    private LoadedVersion acquire() {
        while (true) {
            LoadedVersion version = current.get();
            if (version == null) {
                throw new PredictionException(closed ? "The recommender is closed"
                        : "No model version is deployed yet; deploy one (ServingArtifacts.deploy) and refresh()");
            }
            // A version released between get() and retain() is already replaced: read the reference again.
            if (version.retain()) {
                return version;
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("The recommender is closed");
        }
    }

    private static void checkCustomerId(String customerId) {
        requireNonNull(customerId, "customerId is null");
        if (customerId.isBlank()) {
            throw new IllegalArgumentException("customer id is blank");
        }
        if (customerId.length() > MAX_CUSTOMER_ID_LENGTH) {
            throw new IllegalArgumentException("customer id is " + customerId.length() + " characters long; at most "
                    + MAX_CUSTOMER_ID_LENGTH + " are accepted");
        }
    }
}
