package io.deeppersona.cli;

import io.deeppersona.core.serving.DeployedRecommender;
import io.deeppersona.spi.DeployedVersion;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a running {@code serve} follow the model folder: every few seconds it asks the recommender to
 * {@link DeployedRecommender#refresh() refresh}, which swaps to a version that another process (a new
 * {@code deeppersona train}, a rollback) activated there. A version that fails to load is logged once and the
 * previous one keeps serving.
 */
final class VersionPoller {
    private static final Logger LOG = LoggerFactory.getLogger(VersionPoller.class);

    private VersionPoller() {
    }

    /** Starts polling on a daemon thread; shut the returned executor down to stop. */
    static ScheduledExecutorService start(DeployedRecommender recommender, int seconds) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "deeppersona-version-poller");
            thread.setDaemon(true);
            return thread;
        });
        AtomicReference<String> lastFailure = new AtomicReference<>();
        executor.scheduleWithFixedDelay(() -> poll(recommender, lastFailure), seconds, seconds, TimeUnit.SECONDS);
        return executor;
    }

    private static void poll(DeployedRecommender recommender, AtomicReference<String> lastFailure) {
        String before = recommender.activeVersion().map(DeployedVersion::version).orElse("");
        try {
            Optional<DeployedVersion> now = recommender.refresh();
            now.filter(version -> !version.version().equals(before)).ifPresent(version ->
                    LOG.info("Now serving {} (model {}), activated in the model folder", version.version(),
                            version.provider()));
            lastFailure.set(null);
        } catch (RuntimeException e) {
            // Only the first failure of a run is worth a warning; the poll repeats every few seconds.
            String message = e.getMessage();
            if (!String.valueOf(message).equals(lastFailure.getAndSet(String.valueOf(message)))) {
                LOG.warn("Keeping {}: the version activated in the model folder cannot be served: {}", before,
                        message);
            }
        }
    }
}
