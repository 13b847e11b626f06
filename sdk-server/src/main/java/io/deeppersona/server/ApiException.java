package io.deeppersona.server;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A request the server refuses on purpose, with the HTTP status and the machine-readable code it answers with.
 * Thrown by handlers and turned into {@code {"error": {"code": ..., "message": ...}}} by {@link ErrorMapping}.
 */
final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final Map<String, String> headers;

    ApiException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    ApiException(int status, String code, String message, Map<String, String> headers) {
        // No stack trace: these are answers, not failures, and the trace would never be shown anyway.
        super(requireNonNull(message, "message is null"), null, false, false);
        this.status = status;
        this.code = requireNonNull(code, "code is null");
        this.headers = Map.copyOf(requireNonNull(headers, "headers is null"));
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, ApiError.INVALID_REQUEST, message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** Extra response headers, e.g. {@code WWW-Authenticate} on 401. */
    Map<String, String> headers() {
        return headers;
    }
}
