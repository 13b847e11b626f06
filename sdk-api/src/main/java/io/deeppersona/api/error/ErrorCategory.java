package io.deeppersona.api.error;

/**
 * Who has to act on an error: the caller (bad input or configuration), an outside system (a file or database),
 * or the SDK itself (a bug or a backend failure). Hosts map these to HTTP status codes or alert routes.
 *
 * @since 0.1
 */
public enum ErrorCategory {
    /** The caller's configuration, options, data or artifact is wrong; retrying the same call fails again. */
    USER,
    /** Something outside the SDK failed (file system, database, network); a retry may succeed. */
    EXTERNAL,
    /** The SDK or its backend failed; worth a bug report. */
    INTERNAL
}
