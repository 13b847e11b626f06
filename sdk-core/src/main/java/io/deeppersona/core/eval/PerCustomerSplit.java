package io.deeppersona.core.eval;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.EventLog;
import java.util.BitSet;

/**
 * Holds out each customer's chronologically last events: of a customer's {@code n} rows, about
 * {@code t = floor(testFraction * n + 1e-9)} go to test and the rest to training (the {@code 1e-9} keeps
 * {@code 0.29 * 100} from flooring to 28). Customers with {@code t = 0} stay wholly in training; rows without a
 * customer always train.
 *
 * <p>With {@code keepBaskets} (the default), events that share a timestamp (one basket, one invoice) are never cut
 * apart: they have no chronological order among themselves, and putting half a basket in training and the other
 * half in test lets a co-purchase model "predict" the test half from the training half. The test part is then the
 * suffix of whole baskets whose size is closest to {@code t} (ties to the smaller), at least one basket when
 * {@code t >= 1}, and never the customer's every row (a customer needs training history to be evaluated). Without
 * {@code keepBaskets}, exactly the last {@code t} rows in log order are test (log order within a basket is the event
 * log's canonical item order). On UCI Online Retail the difference is large; see docs/evaluation.md.
 *
 * @param testFraction the share of each customer's rows to hold out, in (0, 1)
 * @param keepBaskets whether events at one instant stay on one side of the cut
 */
public record PerCustomerSplit(double testFraction, boolean keepBaskets) implements SplitStrategy {
    public PerCustomerSplit {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
        }
    }

    /** The basket-keeping split. */
    public PerCustomerSplit(double testFraction) {
        this(testFraction, true);
    }

    @Override
    public Split split(EventLog log) {
        requireNonNull(log, "log is null");
        BitSet test = new BitSet(log.size());
        for (int customer = 0; customer < log.customerCount(); customer++) {
            int start = log.customerRowsStart(customer);
            int end = log.customerRowsEnd(customer);
            int held = keepBaskets ? wholeBasketCount(log, start, end) : testCount(end - start);
            test.set(end - held, end);
        }
        BitSet train = (BitSet) test.clone();
        train.flip(0, log.size());
        return new Split(log.filter(train), log.filter(test));
    }

    /** Returns how many of a customer's {@code rows} rows go to test when baskets may be cut. */
    public int testCount(int rows) {
        return (int) Math.floor(testFraction * rows + 1e-9);
    }

    /** Walks back over whole baskets (runs of one timestamp) to the suffix size closest to the target. */
    private int wholeBasketCount(EventLog log, int start, int end) {
        int target = testCount(end - start);
        if (target == 0) {
            return 0;
        }
        int held = 0;
        int row = end;
        while (row > start) {
            int basketStart = row - 1;
            long time = log.timestampMillis(basketStart);
            while (basketStart > start && log.timestampMillis(basketStart - 1) == time) {
                basketStart--;
            }
            int withBasket = held + (row - basketStart);
            if (basketStart == start) {
                // Taking this basket would leave no training history.
                return held;
            }
            if (withBasket >= target) {
                boolean fewerIsCloser = held > 0 && target - held <= withBasket - target;
                return fewerIsCloser ? held : withBasket;
            }
            held = withBasket;
            row = basketStart;
        }
        return held;
    }
}
