package io.deeppersona.core.serving;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.error.DeploymentException;
import io.deeppersona.api.error.PersonalizationException;
import io.deeppersona.core.PluginRegistry;
import io.deeppersona.core.artifact.ModelArtifacts;
import io.deeppersona.spi.DeployedVersion;
import io.deeppersona.spi.Deployer;
import io.deeppersona.spi.Model;
import io.deeppersona.spi.ProviderContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One deployed version loaded in memory, reference counted: the runtime holds one reference while it serves the
 * version and each call holds one while it runs. The models are closed when the last reference is released, so
 * a retired version is closed only after its in-flight calls finish.
 */
final class LoadedVersion {
    private final DeployedVersion version;
    private final Model model;
    private final ServingBundle bundle;
    private final IndexedRoute indexedRoute;
    private final AtomicInteger references = new AtomicInteger(1);

    private LoadedVersion(DeployedVersion version, Model model, ServingBundle bundle) {
        this.version = version;
        this.model = model;
        this.bundle = bundle;
        this.indexedRoute = IndexedRoute.of(model, bundle);
    }

    /**
     * Loads {@code versionId} completely (verified model and bundle) without activating it.
     *
     * @throws DeploymentException if the version is unknown or does not load; nothing is left open
     */
    static LoadedVersion load(Deployer deployer, String versionId, PluginRegistry registry,
            ProviderContext context) {
        requireNonNull(versionId, "version is null");
        DeployedVersion described = deployer.versions().stream().filter(v -> v.version().equals(versionId))
                .findFirst().orElseThrow(() -> new DeploymentException("Unknown version '" + versionId
                        + "'; deployed versions: " + deployer.versions().stream().map(DeployedVersion::version)
                        .toList()));
        Model model = null;
        try {
            Path dir = deployer.artifactPath(versionId);
            model = ModelArtifacts.load(dir, registry::findModel, context);
            ServingBundle bundle = ServingArtifacts.readVerified(dir, registry, context);
            DeployedVersion serving = new DeployedVersion(described.version(), described.provider(),
                    described.deployedAt(), described.validationScores(), true);
            return new LoadedVersion(serving, model, bundle);
        } catch (PersonalizationException | java.io.UncheckedIOException e) {
            if (model != null) {
                model.close();
            }
            if (e instanceof DeploymentException deployment) {
                throw deployment;
            }
            throw new DeploymentException("Cannot load version " + versionId + ": " + e.getMessage(), e);
        }
    }

    DeployedVersion version() {
        return version;
    }

    Model model() {
        return model;
    }

    ServingBundle bundle() {
        return bundle;
    }

    /** How to ask the model by catalogue index, or null when it is asked by id. */
    IndexedRoute indexedRoute() {
        return indexedRoute;
    }

    /**
     * Answers up to {@code calls} recommendations (top 10, default filters) for customers of this version, spread
     * over them in id order, stopping at {@code limit}: the JIT compiles the request path before the first real
     * request, which otherwise waits behind the compiler (over HTTP, the first 30 s after a cold start had a p99
     * of 157-176 ms without and 82-105 ms with 10,000 warm-up calls; docs/serving-benchmarks.md).
     *
     * @return how many calls were made
     * @throws RuntimeException whatever a call throws: a version that cannot answer its own customers is broken
     */
    int warmUp(int calls, Duration limit) {
        List<String> customers = bundle.customers().keySet().stream().sorted().toList();
        if (calls == 0 || customers.isEmpty()) {
            return 0;
        }
        long deadline = System.nanoTime() + limit.toNanos();
        int made = 0;
        while (made < calls && System.nanoTime() < deadline) {
            String customer = customers.get((int) ((long) made * customers.size() / calls % customers.size()));
            RecommendationPlanner.answer(this, customer, 10, RecommendationFilters.DEFAULT,
                    RecordedHistory.Snapshot.EMPTY);
            made++;
        }
        return made;
    }

    /** Takes a reference unless the version was already closed; then the caller must look again. */
    boolean retain() {
        while (true) {
            int count = references.get();
            if (count == 0) {
                return false;
            }
            if (references.compareAndSet(count, count + 1)) {
                return true;
            }
        }
    }

    /** Gives a reference back; the last one closes the models. */
    void release() {
        if (references.decrementAndGet() == 0) {
            try {
                model.close();
            } finally {
                bundle.close();
            }
        }
    }
}
