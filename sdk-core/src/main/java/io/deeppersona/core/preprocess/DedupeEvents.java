package io.deeppersona.core.preprocess;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.EventLog;
import io.deeppersona.spi.FittedPreprocessor;
import io.deeppersona.spi.PreprocessResult;
import io.deeppersona.spi.Preprocessor;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drops exact repeats on a configurable key, keeping the first (earliest) event. Reason {@code "duplicate"}.
 *
 * <p>Missing values compare equal to each other: two events without a customer, or with unknown ({@code NaN})
 * quantities, can be duplicates. When the key holds the customer, rows are compared only within that customer's
 * contiguous rows, and, when it also holds the timestamp, only within runs of one instant, so the usual key costs
 * one pass with no hashing. Stateless; immutable and thread-safe.
 */
public final class DedupeEvents implements Preprocessor, FittedPreprocessor {
    static final String DUPLICATE = "duplicate";
    /** Groups up to this size are checked pairwise; larger ones through a hash set. */
    private static final int PAIRWISE_LIMIT = 8;

    private final DedupeEventsOptions options;
    private final boolean byCustomer;
    private final boolean byItem;
    private final boolean byType;
    private final boolean byTime;
    private final boolean byQuantity;
    private final boolean byValue;

    public DedupeEvents(DedupeEventsOptions options) {
        this.options = requireNonNull(options, "options is null");
        List<String> keys = options.keys();
        this.byCustomer = keys.contains("customer");
        this.byItem = keys.contains("item");
        this.byType = keys.contains("type");
        this.byTime = keys.contains("timestamp");
        this.byQuantity = keys.contains("quantity");
        this.byValue = keys.contains("value");
    }

    @Override
    public String name() {
        return DedupeEventsProvider.NAME;
    }

    @Override
    public FittedPreprocessor fit(EventLog training) {
        return this;
    }

    @Override
    public PreprocessResult apply(EventLog events) {
        RowDrops drops = new RowDrops(events, List.of(DUPLICATE));
        if (!byCustomer) {
            dedupeGroup(events, 0, events.size(), drops);
            return drops.result();
        }
        int row = 0;
        while (row < events.size()) {
            // Rows are sorted by customer (missing last), then time: a group ends where either changes.
            int end = row + 1;
            while (end < events.size() && events.customer(end) == events.customer(row)
                    && (!byTime || events.timestampMillis(end) == events.timestampMillis(row))) {
                end++;
            }
            if (end - row > 1) {
                dedupeGroup(events, row, end, drops);
            }
            row = end;
        }
        return drops.result();
    }

    private void dedupeGroup(EventLog events, int from, int to, RowDrops drops) {
        if (to - from <= PAIRWISE_LIMIT) {
            for (int row = from + 1; row < to; row++) {
                for (int earlier = from; earlier < row; earlier++) {
                    if (drops.isKept(earlier) && sameKey(events, earlier, row)) {
                        drops.drop(row, DUPLICATE);
                        break;
                    }
                }
            }
            return;
        }
        Set<Key> seen = new HashSet<>();
        for (int row = from; row < to; row++) {
            if (!seen.add(key(events, row))) {
                drops.drop(row, DUPLICATE);
            }
        }
    }

    private boolean sameKey(EventLog events, int a, int b) {
        return (!byCustomer || events.customer(a) == events.customer(b))
                && (!byItem || events.item(a) == events.item(b))
                && (!byType || events.eventType(a) == events.eventType(b))
                && (!byTime || events.timestampMillis(a) == events.timestampMillis(b))
                && (!byQuantity || Float.floatToIntBits(events.quantity(a)) == Float.floatToIntBits(events.quantity(b)))
                && (!byValue || Float.floatToIntBits(events.value(a)) == Float.floatToIntBits(events.value(b)));
    }

    private Key key(EventLog events, int row) {
        return new Key(
                byCustomer ? events.customer(row) : 0,
                byItem ? events.item(row) : 0,
                byType ? events.eventType(row) : 0,
                byTime ? events.timestampMillis(row) : 0,
                byQuantity ? Float.floatToIntBits(events.quantity(row)) : 0,
                byValue ? Float.floatToIntBits(events.value(row)) : 0);
    }

    /** Fields outside the key are 0; floats are compared by bits so that NaN equals NaN. */
    private record Key(int customer, int item, int type, long time, int quantity, int value) {
    }

    /** Returns the options this step was made with. */
    public DedupeEventsOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return "DedupeEvents" + options.keys();
    }
}
