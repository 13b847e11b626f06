package io.deeppersona.core.eval;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.EventLog;
import java.util.BitSet;

/**
 * Holds out the last {@code testDays} days of the whole log: with {@code max} the largest timestamp of any row,
 * an event is a test event when {@code timestamp >= max - testDays * 86,400,000 ms} (the cut-off itself is
 * test), and a training event otherwise. Everyone shares one cut-off, so no training event comes after a test event
 * and nothing from the future leaks into training.
 *
 * @param testDays the length of the test period in days, at least 1
 */
public record GlobalTimeSplit(int testDays) implements SplitStrategy {
    private static final long DAY_MILLIS = 86_400_000L;

    public GlobalTimeSplit {
        if (testDays < 1) {
            throw new IllegalArgumentException("testDays must be >= 1, got " + testDays);
        }
    }

    @Override
    public Split split(EventLog log) {
        requireNonNull(log, "log is null");
        if (log.size() == 0) {
            return new Split(log, log);
        }
        long max = Long.MIN_VALUE;
        for (int row = 0; row < log.size(); row++) {
            max = Math.max(max, log.timestampMillis(row));
        }
        long cutoff = max - testDays * DAY_MILLIS;
        BitSet test = new BitSet(log.size());
        for (int row = 0; row < log.size(); row++) {
            if (log.timestampMillis(row) >= cutoff) {
                test.set(row);
            }
        }
        BitSet train = (BitSet) test.clone();
        train.flip(0, log.size());
        return new Split(log.filter(train), log.filter(test));
    }

    /** Returns the cut-off in milliseconds: events at or after it are test events. */
    public long cutoffMillis(long maxTimestampMillis) {
        return maxTimestampMillis - testDays * DAY_MILLIS;
    }
}
