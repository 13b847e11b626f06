package io.deeppersona.server;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.core.SdkJson;
import io.deeppersona.core.serving.Recommender;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link Recommender} over HTTP (Javalin on Jetty): recommendations, propensity, real-time events, the
 * model registry, health, Prometheus metrics and an OpenAPI description. Every route but {@code /health} needs
 * the bearer token of the {@link ServerOptions}; every error is JSON, never a stack trace.
 *
 * <pre>{@code
 * try (DeepPersonaServer server = DeepPersonaServer.start(recommender, options)) {
 *     server.closeOnShutdown();   // Ctrl-C or SIGTERM stops it cleanly
 *     server.awaitShutdown();
 * }
 * }</pre>
 *
 * <p>The server does not own the recommender: closing the server leaves it open for its owner to close.
 * Thread-safe.
 */
public final class DeepPersonaServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeepPersonaServer.class);
    private static final String OPENAPI_RESOURCE = "openapi.json";
    private static final String START_NANOS = "deeppersona.startNanos";
    private static final String UNMATCHED = "unmatched";

    private final Javalin app;
    private final ServerMetrics metrics;
    private final String host;
    private final int port;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Thread shutdownHook;

    private DeepPersonaServer(Javalin app, ServerMetrics metrics, String host) {
        this.app = app;
        this.metrics = metrics;
        this.host = host;
        // Read once while running: Javalin reports a meaningless port after stop.
        this.port = app.port();
    }

    /**
     * Starts serving and returns once the port is bound.
     *
     * @throws ConfigurationException if the port cannot be bound
     */
    public static DeepPersonaServer start(Recommender recommender, ServerOptions options) {
        requireNonNull(recommender, "recommender is null");
        requireNonNull(options, "options is null");
        if (!options.loopbackOnly()) {
            LOG.warn("Binding {}: the API is reachable from other machines; keep the token secret and put TLS "
                    + "in front of it", options.host());
        }
        ServerMetrics metrics = new ServerMetrics(recommender);
        ApiRoutes api = new ApiRoutes(recommender, options, metrics, openapi(), Clock.systemUTC());
        BearerAuth auth = new BearerAuth(options.token());
        ErrorMapping errors = new ErrorMapping(recommender);
        ObjectWriter writer = SdkJson.json().writer().without(SerializationFeature.INDENT_OUTPUT);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = options.host();
            config.jetty.port = options.port();
            QueuedThreadPool threads = new QueuedThreadPool(options.maxThreads(), Math.min(8, options.maxThreads()));
            threads.setName("deeppersona-http");
            config.jetty.threadPool = threads;
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(options.stopTimeout().toMillis());
                server.setErrorHandler(new JsonJettyErrorHandler());
            });
            config.http.maxRequestSize = options.maxBodyBytes();
            config.http.prefer405over404 = true;
            config.routes.before(ctx -> {
                ctx.attribute(START_NANOS, System.nanoTime());
                if (!ApiRoutes.HEALTH.equals(ctx.path())) {
                    auth.check(ctx.header("Authorization"));
                }
            });
            for (ApiRoutes.Route route : ApiRoutes.ROUTES) {
                switch (route.method()) {
                    case "GET" -> config.routes.get(route.path(), route.handler().apply(api));
                    case "POST" -> config.routes.post(route.path(), route.handler().apply(api));
                    default -> throw new IllegalStateException("no registration for method " + route.method());
                }
            }
            config.routes.exception(HttpResponseException.class, (e, ctx) -> writeError(errors, writer, e, ctx));
            config.routes.exception(Exception.class, (e, ctx) -> writeError(errors, writer, e, ctx));
            config.requestLogger.http((ctx, ms) -> {
                Long start = ctx.attribute(START_NANOS);
                long nanos = start == null ? (long) (ms * 1_000_000) : System.nanoTime() - start;
                String route = routeTemplate(ctx);
                int status = ctx.res().getStatus();
                metrics.request(ctx.method().name(), route, status, nanos);
                LOG.debug("{} {} -> {} in {} µs", ctx.method().name(), route, status, nanos / 1000);
            });
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            metrics.close();
            throw new ConfigurationException("cannot start the HTTP server on " + options.host() + ":"
                    + options.port() + ": " + e.getMessage(), e);
        }
        DeepPersonaServer server = new DeepPersonaServer(app, metrics, options.host());
        LOG.info("Serving on http://{}:{} ({} routes)", options.host(), server.port(), ApiRoutes.ROUTES.size());
        return server;
    }

    /** Returns the port the server listens on (the chosen one when the options said 0). */
    public int port() {
        return port;
    }

    /** Returns the base URL, e.g. {@code http://127.0.0.1:8080}. */
    public String baseUrl() {
        String literal = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "http://" + literal + ":" + port();
    }

    /** Blocks until {@link #close()} has stopped the server (from another thread or a shutdown hook). */
    public void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    /**
     * Registers a JVM shutdown hook that closes this server, so Ctrl-C or SIGTERM let requests in flight finish.
     * The hook is removed again by an explicit {@link #close()}.
     *
     * @return this server
     */
    public synchronized DeepPersonaServer closeOnShutdown() {
        if (shutdownHook == null && !closed.get()) {
            Thread hook = new Thread(this::close, "deeppersona-http-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            shutdownHook = hook;
        }
        return this;
    }

    /** Stops accepting requests, lets those in flight finish (up to the stop timeout), and stops; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            app.stop();
            metrics.close();
            LOG.info("HTTP server stopped");
        } finally {
            stopped.countDown();
            removeShutdownHook();
        }
    }

    private synchronized void removeShutdownHook() {
        Thread hook = shutdownHook;
        if (hook != null && hook != Thread.currentThread()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down; the hook is running or about to, and close() is idempotent.
            }
        }
        shutdownHook = null;
    }

    private static void writeError(ErrorMapping errors, ObjectWriter writer, Exception failure, Context ctx) {
        ErrorMapping.Mapped mapped = errors.map(failure, routeTemplate(ctx));
        mapped.headers().forEach(ctx::header);
        try {
            ctx.status(mapped.status()).contentType(ApiRoutes.JSON).result(writer.writeValueAsBytes(mapped.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The route template for logs and metrics: never the raw path, which may hold a customer id. */
    static String routeTemplate(Context ctx) {
        Endpoint endpoint = null;
        try {
            endpoint = ctx.endpoints().matchedHttpEndpoint();
        } catch (RuntimeException e) {
            // Not matched (yet), e.g. the request was refused before routing.
        }
        if (endpoint != null && endpoint.method != HandlerType.BEFORE && endpoint.method != HandlerType.AFTER) {
            return endpoint.path;
        }
        return TemplateMatcher.INSTANCE.match(ctx.path());
    }

    private static byte[] openapi() {
        try (InputStream in = DeepPersonaServer.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + OPENAPI_RESOURCE + " is missing from sdk-server");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + OPENAPI_RESOURCE, e);
        }
    }

    /** Matches a path against the route templates, for requests Javalin did not route (401, 404). */
    private static final class TemplateMatcher {
        static final TemplateMatcher INSTANCE = new TemplateMatcher();
        private final Map<Pattern, String> patterns = new java.util.LinkedHashMap<>();

        private TemplateMatcher() {
            for (ApiRoutes.Route route : ApiRoutes.ROUTES) {
                StringBuilder regex = new StringBuilder();
                for (String segment : route.path().substring(1).split("/")) {
                    regex.append('/').append(segment.startsWith("{") ? "[^/]+" : Pattern.quote(segment));
                }
                patterns.put(Pattern.compile(regex + "/?"), route.path());
            }
        }

        String match(String path) {
            for (Map.Entry<Pattern, String> e : patterns.entrySet()) {
                if (e.getKey().matcher(path).matches()) {
                    return e.getValue();
                }
            }
            return UNMATCHED;
        }
    }
}
