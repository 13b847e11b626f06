package io.deeppersona.core.preprocess;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.EventLog;
import io.deeppersona.spi.FittedPreprocessor;
import io.deeppersona.spi.PreprocessResult;
import io.deeppersona.spi.Preprocessor;
import java.util.List;

/**
 * Drops every event of customers who behave like bots, reason {@code "bot"}: at least {@code minEvents} events in
 * the log, and more than {@code maxEventsPerMinute} of them within some 60-second span (events at {@code t} and
 * {@code t'} share a span when {@code |t - t'| < 60 s}).
 *
 * <p>Judges the log it is applied to, not the training log, so a bot appearing only in later data is caught.
 * One pass with two pointers over each customer's time-ordered rows. Stateless; immutable and thread-safe.
 */
public final class BotFilter implements Preprocessor, FittedPreprocessor {
    static final String BOT = "bot";
    private static final long MINUTE_MILLIS = 60_000;

    private final BotFilterOptions options;

    public BotFilter(BotFilterOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    @Override
    public String name() {
        return BotFilterProvider.NAME;
    }

    @Override
    public FittedPreprocessor fit(EventLog training) {
        return this;
    }

    @Override
    public PreprocessResult apply(EventLog events) {
        RowDrops drops = new RowDrops(events, List.of(BOT));
        for (int customer = 0; customer < events.customerCount(); customer++) {
            int start = events.customerRowsStart(customer);
            int end = events.customerRowsEnd(customer);
            if (end - start >= options.minEvents() && isBot(events, start, end)) {
                for (int row = start; row < end; row++) {
                    drops.drop(row, BOT);
                }
            }
        }
        return drops.result();
    }

    private boolean isBot(EventLog events, int start, int end) {
        int first = start;
        for (int last = start; last < end; last++) {
            while (events.timestampMillis(last) - events.timestampMillis(first) >= MINUTE_MILLIS) {
                first++;
            }
            if (last - first + 1 > options.maxEventsPerMinute()) {
                return true;
            }
        }
        return false;
    }

    /** Returns the options this step was made with. */
    public BotFilterOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return "BotFilter" + options;
    }
}
