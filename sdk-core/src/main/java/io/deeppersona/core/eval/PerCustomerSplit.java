package io.deeppersona.core.eval;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.EventLog;
import java.util.BitSet;

/**
 * Holds out each customer's chronologically last events: a customer with {@code n} rows gives their last
 * {@code floor(testFraction * n + 1e-9)} rows to test and the rest to training (the {@code 1e-9} keeps
 * {@code 0.29 * 100} from flooring to 28). Customers with too few rows for one test row stay wholly in training;
 * rows without a customer always train.
 *
 * <p>Rows are taken in the log's order, by time and then by item dictionary order, so events that share a
 * timestamp (one basket) may fall on both sides of the cut; the cut is by count, not by time. Deduplicate the log
 * first if repeated identical events should count once.
 *
 * @param testFraction the share of each customer's rows to hold out, in (0, 1)
 */
public record PerCustomerSplit(double testFraction) implements SplitStrategy {
    public PerCustomerSplit {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
        }
    }

    @Override
    public Split split(EventLog log) {
        requireNonNull(log, "log is null");
        BitSet test = new BitSet(log.size());
        for (int customer = 0; customer < log.customerCount(); customer++) {
            int start = log.customerRowsStart(customer);
            int end = log.customerRowsEnd(customer);
            int held = testCount(end - start);
            test.set(end - held, end);
        }
        BitSet train = (BitSet) test.clone();
        train.flip(0, log.size());
        return new Split(log.filter(train), log.filter(test));
    }

    /** Returns how many of a customer's {@code rows} rows go to test. */
    public int testCount(int rows) {
        return (int) Math.floor(testFraction * rows + 1e-9);
    }
}
