package io.deeppersona.core.preprocess;

import io.deeppersona.api.error.ConfigurationException;
import java.time.Instant;

/**
 * Options of {@code time-window}: either fixed bounds {@code from}/{@code to}, or {@code lastDays}.
 *
 * @param from keep events at or after this instant (ISO-8601, e.g. {@code "2011-01-01T00:00:00Z"}); optional
 * @param to keep events strictly before this instant; optional
 * @param lastDays keep events no more than this many days before the latest event seen in fit; optional, and not
 *     combined with {@code from}/{@code to}
 */
public record TimeWindowOptions(Instant from, Instant to, Integer lastDays) {
    public TimeWindowOptions {
        if (lastDays != null && (from != null || to != null)) {
            throw new ConfigurationException("time-window takes either 'from'/'to' or 'lastDays', got both (from="
                    + from + ", to=" + to + ", lastDays=" + lastDays + ")");
        }
        if (lastDays != null && lastDays <= 0) {
            throw new ConfigurationException("time-window option 'lastDays' is " + lastDays
                    + "; expected a positive number of days");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ConfigurationException("time-window option 'from' (" + from + ") is not before 'to' (" + to
                    + "); the window would be empty");
        }
    }
}
