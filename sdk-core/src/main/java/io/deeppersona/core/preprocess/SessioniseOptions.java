package io.deeppersona.core.preprocess;

import io.deeppersona.api.error.ConfigurationException;

/**
 * Options of {@code sessionise}.
 *
 * @param gapMinutes a customer's event more than this many minutes after their previous one starts a new session;
 *     default 30
 */
public record SessioniseOptions(Integer gapMinutes) {
    public SessioniseOptions {
        gapMinutes = gapMinutes == null ? 30 : gapMinutes;
        if (gapMinutes <= 0) {
            throw new ConfigurationException("sessionise option 'gapMinutes' is " + gapMinutes
                    + "; expected a positive number of minutes");
        }
    }

    /** Returns the default options. */
    public static SessioniseOptions defaults() {
        return new SessioniseOptions(null);
    }
}
