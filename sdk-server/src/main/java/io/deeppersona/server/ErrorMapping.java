package io.deeppersona.server;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.deeppersona.api.error.PersonalizationException;
import io.deeppersona.api.error.PredictionException;
import io.deeppersona.core.serving.Recommender;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns whatever a handler threw into an HTTP status and an {@link ApiError}. Never puts a stack trace in an
 * answer; unexpected failures get a reference that is also in the server log.
 */
final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private final Recommender recommender;

    ErrorMapping(Recommender recommender) {
        this.recommender = requireNonNull(recommender, "recommender is null");
    }

    /** A status and the body to answer with. */
    record Mapped(int status, ApiError body, Map<String, String> headers) {
        Mapped(int status, ApiError body) {
            this(status, body, Map.of());
        }
    }

    Mapped map(Throwable failure, String route) {
        if (failure instanceof ApiException e) {
            return new Mapped(e.status(), ApiError.of(e.code(), e.getMessage()), e.headers());
        }
        if (failure instanceof HttpResponseException e) {
            return fromJavalin(e);
        }
        if (failure instanceof JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            return new Mapped(400, ApiError.of(ApiError.MALFORMED_JSON,
                    "request body is not valid JSON" + where + ": " + e.getOriginalMessage()));
        }
        if (failure instanceof PredictionException e && recommender.activeVersion().isEmpty()) {
            return new Mapped(503, ApiError.of(ApiError.NO_ACTIVE_VERSION,
                    "no model version is active; deploy and activate one first"));
        }
        if (failure instanceof PersonalizationException e) {
            int status = switch (e.code().category()) {
                case USER -> 400;
                case EXTERNAL -> 503;
                case INTERNAL -> 500;
            };
            return new Mapped(status, ApiError.of(e.code().name(), e.getMessage()));
        }
        if (failure instanceof IllegalArgumentException e) {
            return new Mapped(400, ApiError.of(ApiError.INVALID_REQUEST, String.valueOf(e.getMessage())));
        }
        String reference = UUID.randomUUID().toString();
        // The message may quote request data (customer ids), so only the type and the frame go to the log at
        // ERROR; the full exception is at DEBUG for whoever enables it on purpose.
        StackTraceElement[] frames = failure.getStackTrace();
        LOG.error("Unexpected {} on {} (reference {}) at {}", failure.getClass().getName(), route, reference,
                frames.length == 0 ? "?" : frames[0]);
        LOG.debug("Unexpected failure, reference {}", reference, failure);
        return new Mapped(500, ApiError.of(ApiError.INTERNAL,
                "internal error; the server log has details under reference " + reference));
    }

    private static Mapped fromJavalin(HttpResponseException e) {
        int status = e.getStatus();
        String code = switch (status) {
            case 400 -> ApiError.INVALID_REQUEST;
            case 401 -> ApiError.UNAUTHORIZED;
            case 404 -> ApiError.NOT_FOUND;
            case 405 -> ApiError.METHOD_NOT_ALLOWED;
            case 413 -> ApiError.PAYLOAD_TOO_LARGE;
            case 415 -> ApiError.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? ApiError.INTERNAL : ApiError.INVALID_REQUEST;
        };
        String message = switch (status) {
            case 404 -> "no such resource; GET /openapi.json lists the routes";
            case 405 -> "method not allowed on this resource; GET /openapi.json lists the routes";
            case 413 -> "request body is too large";
            default -> e.getMessage() == null || e.getMessage().isBlank() ? "request failed" : e.getMessage();
        };
        return new Mapped(status, ApiError.of(code, message));
    }
}
