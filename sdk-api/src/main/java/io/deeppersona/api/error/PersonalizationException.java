package io.deeppersona.api.error;

import static java.util.Objects.requireNonNull;

/**
 * Base of every exception the SDK throws on purpose. Unchecked; carries a stable {@link ErrorCode}.
 *
 * @since 0.1
 */
public class PersonalizationException extends RuntimeException {
    private final ErrorCode code;

    public PersonalizationException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public PersonalizationException(ErrorCode code, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
    }

    /** Returns the stable code of this error. */
    public ErrorCode code() {
        return code;
    }
}
