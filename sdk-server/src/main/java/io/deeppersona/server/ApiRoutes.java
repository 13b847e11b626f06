package io.deeppersona.server;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.deeppersona.api.CustomerEvent;
import io.deeppersona.api.error.PersonalizationException;
import io.deeppersona.core.SdkJson;
import io.deeppersona.core.serving.RecommendationFilters;
import io.deeppersona.core.serving.Recommender;
import io.deeppersona.spi.DeployedVersion;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The HTTP API: one handler per route, over a {@link Recommender}. {@link #ROUTES} is the single list the server
 * registers and the OpenAPI description is checked against.
 */
final class ApiRoutes {
    /** One route: method, path template (Javalin's and OpenAPI's {@code {name}} syntax), and its handler. */
    record Route(String method, String path, boolean authenticated, Function<ApiRoutes, Handler> handler) {
    }

    static final String HEALTH = "/health";

    static final List<Route> ROUTES = List.of(
            new Route("GET", "/v1/customers/{id}/recommendations", true, a -> a::recommendations),
            new Route("GET", "/v1/customers/{id}/propensity", true, a -> a::propensity),
            new Route("POST", "/v1/events", true, a -> a::events),
            new Route("GET", "/v1/models", true, a -> a::models),
            new Route("POST", "/v1/models/{version}/activate", true, a -> a::activate),
            new Route("GET", HEALTH, false, a -> a::health),
            new Route("GET", "/metrics", true, a -> a::metrics),
            new Route("GET", "/openapi.json", true, a -> a::openapi));

    static final String JSON = "application/json";
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private static final Set<String> RECOMMEND_PARAMS = Set.of("k", "excludePurchased", "includeCategory",
            "excludeCategory", "minPrice", "maxPrice", "allow", "deny");
    private static final int DEFAULT_K = 10;
    /** How much of a refused body is read and dropped so the client gets the 413 (see {@link #swallow}). */
    private static final long SWALLOW_BYTES = 4L * 1024 * 1024;
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final Recommender recommender;
    private final ServerOptions options;
    private final ServerMetrics metrics;
    private final EventParser eventParser;
    private final byte[] openapi;
    private final ObjectWriter writer = SdkJson.json().writer().without(SerializationFeature.INDENT_OUTPUT);

    ApiRoutes(Recommender recommender, ServerOptions options, ServerMetrics metrics, byte[] openapi, Clock clock) {
        this.recommender = requireNonNull(recommender, "recommender is null");
        this.options = requireNonNull(options, "options is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.openapi = requireNonNull(openapi, "openapi is null").clone();
        this.eventParser = new EventParser(options.maxEventsPerRequest(), options.maxCustomerIdLength(), clock);
    }

    void recommendations(Context ctx) throws IOException {
        String customerId = customerId(ctx);
        QueryParams query = QueryParams.of(ctx.queryParamMap(), RECOMMEND_PARAMS);
        int k = query.intInRange("k", DEFAULT_K, 1, options.maxK());
        RecommendationFilters filters = new RecommendationFilters(
                query.bool("excludePurchased", RecommendationFilters.DEFAULT.excludePurchased()),
                query.list("includeCategory"), query.list("excludeCategory"),
                query.price("minPrice"), query.price("maxPrice"),
                query.list("allow"), query.list("deny"));
        json(ctx, 200, recommender.recommend(customerId, k, filters));
    }

    void propensity(Context ctx) throws IOException {
        String customerId = customerId(ctx);
        String campaign = QueryParams.of(ctx.queryParamMap(), Set.of("campaign")).single("campaign");
        if (campaign == null || campaign.isEmpty()) {
            throw ApiException.badRequest("query parameter 'campaign' is required");
        }
        requireActiveVersion();
        List<String> campaigns = recommender.campaigns();
        if (!campaigns.contains(campaign)) {
            throw new ApiException(404, "CAMPAIGN_NOT_FOUND", "the active version has no model for campaign '"
                    + QueryParams.truncate(campaign) + "'; it scores " + campaigns);
        }
        json(ctx, 200, recommender.propensity(customerId, campaign));
    }

    void events(Context ctx) throws IOException {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(JSON)) {
            throw new ApiException(415, ApiError.UNSUPPORTED_MEDIA_TYPE, "events must be sent as " + JSON
                    + ", got " + (contentType == null ? "no Content-Type" : "'" + QueryParams.truncate(contentType)
                    + "'"));
        }
        List<CustomerEvent> events = eventParser.parse(body(ctx));
        int recorded = 0;
        List<Map<String, Object>> rejected = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            try {
                recommender.record(events.get(i));
                recorded++;
            } catch (IllegalArgumentException | PersonalizationException e) {
                // Well-formed but refused by the runtime (e.g. an unknown item): the rest of the batch still counts.
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("index", i);
                entry.put("message", String.valueOf(e.getMessage()));
                rejected.add(entry);
            }
        }
        metrics.eventsRecorded(recorded);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("recorded", recorded);
        answer.put("rejected", rejected);
        json(ctx, 200, answer);
    }

    void models(Context ctx) throws IOException {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("activeVersion", recommender.activeVersion().map(DeployedVersion::version).orElse(null));
        answer.put("versions", recommender.versions());
        json(ctx, 200, answer);
    }

    void activate(Context ctx) throws IOException {
        String version = ctx.pathParam("version");
        if (!VERSION.matcher(version).matches()) {
            throw ApiException.badRequest("version must be 1-128 letters, digits, '.', '_' or '-', got '"
                    + QueryParams.truncate(version) + "'");
        }
        if (recommender.versions().stream().noneMatch(v -> v.version().equals(version))) {
            throw new ApiException(404, "VERSION_NOT_FOUND", "no deployed version '" + version
                    + "'; GET /v1/models lists them");
        }
        json(ctx, 200, recommender.activate(version));
    }

    void health(Context ctx) throws IOException {
        Optional<DeployedVersion> active = recommender.activeVersion();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", active.isPresent() ? "UP" : "DOWN");
        answer.put("activeVersion", active.map(DeployedVersion::version).orElse(null));
        if (active.isEmpty()) {
            answer.put("error", new ApiError.Detail(ApiError.NO_ACTIVE_VERSION, "no model version is active"));
        }
        json(ctx, active.isPresent() ? 200 : 503, answer);
    }

    void metrics(Context ctx) {
        ctx.status(200).contentType(PROMETHEUS_TEXT).result(metrics.scrape());
    }

    void openapi(Context ctx) {
        ctx.status(200).contentType(JSON).result(openapi);
    }

    private String customerId(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.isBlank()) {
            throw ApiException.badRequest("customer id is blank");
        }
        if (id.length() > options.maxCustomerIdLength()) {
            throw ApiException.badRequest("customer id is " + id.length() + " characters long; at most "
                    + options.maxCustomerIdLength() + " are accepted");
        }
        if (id.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("customer id contains control characters");
        }
        return id;
    }

    private void requireActiveVersion() {
        if (recommender.activeVersion().isEmpty()) {
            throw new ApiException(503, ApiError.NO_ACTIVE_VERSION,
                    "no model version is active; deploy and activate one first");
        }
    }

    /** Reads the body with a hard cap, also for chunked requests that announce no length. */
    private byte[] body(Context ctx) throws IOException {
        long limit = options.maxBodyBytes();
        long declared = ctx.contentLength();
        if (declared - limit > SWALLOW_BYTES) {
            // Not even opening the body: a client that sent "Expect: 100-continue" gets the 413 without sending it.
            throw tooLarge(limit);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared > limit) {
                swallow(in);
                throw tooLarge(limit);
            }
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                swallow(in);
                throw tooLarge(limit);
            }
            return bytes;
        }
    }

    /**
     * Reads and drops what is left of a refused body, up to {@link #SWALLOW_BYTES}. A client that is still sending
     * when the server answers and closes gets a reset connection instead of the 413 (seen in CI with the JDK's
     * client), so a moderately oversized body is drained first, as Tomcat's {@code maxSwallowSize} does; a larger
     * one is cut off.
     */
    private static void swallow(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long left = SWALLOW_BYTES;
        int read;
        while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
            left -= read;
        }
    }

    private static ApiException tooLarge(long limit) {
        return new ApiException(413, ApiError.PAYLOAD_TOO_LARGE, "request body is larger than " + limit
                + " bytes; send fewer events per request");
    }

    private void json(Context ctx, int status, Object body) throws IOException {
        ctx.status(status).contentType(JSON).result(writer.writeValueAsBytes(body));
    }
}
