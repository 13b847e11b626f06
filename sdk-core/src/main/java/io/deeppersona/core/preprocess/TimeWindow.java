package io.deeppersona.core.preprocess;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.EventLog;
import io.deeppersona.spi.FittedPreprocessor;
import io.deeppersona.spi.PreprocessResult;
import io.deeppersona.spi.Preprocessor;
import java.time.Duration;
import java.util.List;

/**
 * Keeps events inside a time window, dropping others as {@code "outside-time-window"}.
 *
 * <p>With {@code from}/{@code to} the window is fixed, {@code [from, to)}, and the step is stateless. With
 * {@code lastDays} it is stateful: {@link #fit} finds the latest training event and the window starts
 * {@code lastDays} before it, with no end, so later (test) events pass. Fitting on an empty log leaves the window
 * open. Immutable and thread-safe.
 */
public final class TimeWindow implements Preprocessor {
    static final String OUTSIDE_TIME_WINDOW = "outside-time-window";

    private final TimeWindowOptions options;

    public TimeWindow(TimeWindowOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    @Override
    public String name() {
        return TimeWindowProvider.NAME;
    }

    @Override
    public boolean learnsFromData() {
        return options.lastDays() != null;
    }

    @Override
    public Fitted fit(EventLog training) {
        requireNonNull(training, "training is null");
        if (options.lastDays() == null) {
            return new Fitted(options.from() == null ? Long.MIN_VALUE : options.from().toEpochMilli(),
                    options.to() == null ? Long.MAX_VALUE : options.to().toEpochMilli());
        }
        long max = Long.MIN_VALUE;
        for (int row = 0; row < training.size(); row++) {
            max = Math.max(max, training.timestampMillis(row));
        }
        long from = max == Long.MIN_VALUE ? Long.MIN_VALUE
                : max - Duration.ofDays(options.lastDays()).toMillis();
        return new Fitted(from, Long.MAX_VALUE);
    }

    /** Returns the options this step was made with. */
    public TimeWindowOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return "TimeWindow" + options;
    }

    /**
     * The window fixed: keeps {@code fromMillis <= t < toMillis}.
     *
     * @param fromMillis inclusive start, {@link Long#MIN_VALUE} for none
     * @param toMillis exclusive end, {@link Long#MAX_VALUE} for none
     */
    public record Fitted(long fromMillis, long toMillis) implements FittedPreprocessor {
        @Override
        public PreprocessResult apply(EventLog events) {
            RowDrops drops = new RowDrops(events, List.of(OUTSIDE_TIME_WINDOW));
            for (int row = 0; row < events.size(); row++) {
                long t = events.timestampMillis(row);
                if (t < fromMillis || t >= toMillis) {
                    drops.drop(row, OUTSIDE_TIME_WINDOW);
                }
            }
            return drops.result();
        }
    }
}
