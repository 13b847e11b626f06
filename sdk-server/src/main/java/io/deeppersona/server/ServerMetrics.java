package io.deeppersona.server;

import static java.util.Objects.requireNonNull;

import io.deeppersona.core.serving.Recommender;
import io.deeppersona.spi.DeployedVersion;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The server's own meter registry (never Micrometer's global one, so two servers in one JVM do not mix): request
 * counts and latencies per route template, method and status, events recorded, and which model version is active.
 */
final class ServerMetrics {
    static final String REQUESTS = "http.server.requests";
    static final String ACTIVE_VERSION = "deeppersona.model.active";
    static final String EVENTS_RECORDED = "deeppersona.events.recorded";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Recommender recommender;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Gauge> versionGauges = new ConcurrentHashMap<>();
    private final Counter eventsRecorded;

    ServerMetrics(Recommender recommender) {
        this.recommender = requireNonNull(recommender, "recommender is null");
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        eventsRecorded = Counter.builder(EVENTS_RECORDED).description("Customer events recorded over HTTP")
                .register(registry);
    }

    /** Records one finished request. {@code route} is the template ({@code /v1/customers/{id}/...}), never a path. */
    void request(String method, String route, int status, long nanos) {
        String key = method + ' ' + route + ' ' + status;
        timers.computeIfAbsent(key, k -> Timer.builder(REQUESTS)
                .description("HTTP requests by route template, method and status")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1).dividedBy(10))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    void eventsRecorded(int count) {
        eventsRecorded.increment(count);
    }

    /** Returns the Prometheus text exposition, with one active-version gauge per deployed version. */
    String scrape() {
        try {
            for (DeployedVersion version : recommender.versions()) {
                versionGauges.computeIfAbsent(version.version(), this::versionGauge);
            }
        } catch (RuntimeException e) {
            // Metrics must not fail because the registry cannot be listed; the gauges already there still report.
        }
        return registry.scrape();
    }

    private Gauge versionGauge(String version) {
        // A strong reference: Micrometer holds gauge state weakly by default, and the recommender outlives us anyway.
        return Gauge.builder(ACTIVE_VERSION, recommender, r -> isActive(r, version))
                .description("1 for the model version being served, 0 for the other deployed versions")
                .tag("version", version)
                .strongReference(true)
                .register(registry);
    }

    private static double isActive(Recommender recommender, String version) {
        Optional<DeployedVersion> active = recommender.activeVersion();
        return active.isPresent() && active.get().version().equals(version) ? 1 : 0;
    }

    void close() {
        registry.close();
    }
}
