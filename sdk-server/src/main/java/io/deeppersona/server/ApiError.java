package io.deeppersona.server;

import static java.util.Objects.requireNonNull;

/**
 * The body of every error answer: {@code {"error": {"code": "...", "message": "..."}}}.
 *
 * <p>Codes are stable: the SDK's own {@link io.deeppersona.api.error.ErrorCode} names for SDK exceptions, and the
 * constants here for what only HTTP can get wrong.
 *
 * @param error the code and message
 */
record ApiError(Detail error) {
    static final String INVALID_REQUEST = "INVALID_REQUEST";
    static final String MALFORMED_JSON = "MALFORMED_JSON";
    static final String UNAUTHORIZED = "UNAUTHORIZED";
    static final String NOT_FOUND = "NOT_FOUND";
    static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    static final String NO_ACTIVE_VERSION = "NO_ACTIVE_VERSION";
    static final String INTERNAL = "INTERNAL";

    ApiError {
        requireNonNull(error, "error is null");
    }

    static ApiError of(String code, String message) {
        return new ApiError(new Detail(code, message));
    }

    /**
     * @param code stable, machine-readable
     * @param message for people; never a stack trace
     */
    record Detail(String code, String message) {
        Detail {
            requireNonNull(code, "code is null");
            requireNonNull(message, "message is null");
        }
    }
}
