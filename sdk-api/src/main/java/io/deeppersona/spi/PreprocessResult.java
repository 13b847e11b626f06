package io.deeppersona.spi;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.EventLog;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The output of a preprocessing step: the transformed log, and how many rows were dropped for which reason.
 *
 * @param events the transformed log
 * @param dropped reason (e.g. {@code "duplicate"}, {@code "cancelled-invoice"}) to count of rows dropped
 * @since 0.1
 */
public record PreprocessResult(EventLog events, Map<String, Long> dropped) {
    public PreprocessResult {
        requireNonNull(events, "events is null");
        dropped = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(dropped, "dropped is null")));
    }

    /** A result that dropped nothing. */
    public static PreprocessResult unchanged(EventLog events) {
        return new PreprocessResult(events, Map.of());
    }
}
