package io.deeppersona.core.preprocess;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.EventLog;
import io.deeppersona.core.eventlog.ColumnarEventLog;
import io.deeppersona.spi.FittedPreprocessor;
import io.deeppersona.spi.PreprocessResult;
import io.deeppersona.spi.Preprocessor;
import java.time.Duration;

/**
 * Numbers each customer's sessions in attribute column {@value #SESSION} ({@code "1"}, {@code "2"}, ...): a new
 * session starts when the gap to the customer's previous event exceeds {@code gapMinutes}. An existing
 * {@value #SESSION} column is replaced. Events without a customer get no session. Drops nothing.
 *
 * <p>Relies on the log's order: a customer's rows are contiguous and in time order. Stateless; immutable and
 * thread-safe.
 */
public final class Sessionise implements Preprocessor, FittedPreprocessor {
    /** The attribute column this step writes. */
    public static final String SESSION = "session";

    private final SessioniseOptions options;
    private final long gapMillis;

    public Sessionise(SessioniseOptions options) {
        this.options = requireNonNull(options, "options is null");
        this.gapMillis = Duration.ofMinutes(options.gapMinutes()).toMillis();
    }

    @Override
    public String name() {
        return SessioniseProvider.NAME;
    }

    @Override
    public FittedPreprocessor fit(EventLog training) {
        return this;
    }

    @Override
    public PreprocessResult apply(EventLog events) {
        String[] sessions = new String[events.size()];
        // Session labels repeat across customers; one String per number keeps the column cheap to encode.
        java.util.List<String> labels = new java.util.ArrayList<>();
        for (int customer = 0; customer < events.customerCount(); customer++) {
            int start = events.customerRowsStart(customer);
            int end = events.customerRowsEnd(customer);
            int session = 0;
            for (int row = start; row < end; row++) {
                if (row == start || events.timestampMillis(row) - events.timestampMillis(row - 1) > gapMillis) {
                    session++;
                    if (labels.size() < session) {
                        labels.add(Integer.toString(session));
                    }
                }
                sessions[row] = labels.get(session - 1);
            }
        }
        return PreprocessResult.unchanged(ColumnarEventLog.copyOf(events).withAttribute(SESSION, sessions));
    }

    /** Returns the options this step was made with. */
    public SessioniseOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return "Sessionise" + options;
    }
}
