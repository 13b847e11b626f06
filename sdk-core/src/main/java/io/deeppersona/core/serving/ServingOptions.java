package io.deeppersona.core.serving;

import io.deeppersona.api.error.ConfigurationException;

/**
 * Options of the in-process runtime ({@link DeployedRecommender}); absent keys keep the defaults.
 *
 * @param maxRecordedCustomers how many customers' recorded events are kept; beyond it the least recently used
 *     customer's are dropped; default 100,000
 * @param recordedHistoryLength how many recorded items are kept per customer (a ring); default 50
 * @param maxRecordedPurchases how many recorded purchases are kept per customer for "exclude purchased";
 *     default 1,000
 * @param warmUpCalls how many recommendations a newly loaded version answers for its own customers before it
 *     serves (at most {@link DeployedRecommender#WARM_UP_LIMIT} of them), so the JIT has compiled its paths and a
 *     broken version is refused while the previous one still serves; 0 turns it off; default 10,000
 */
public record ServingOptions(Integer maxRecordedCustomers, Integer recordedHistoryLength,
        Integer maxRecordedPurchases, Integer warmUpCalls) {
    public ServingOptions {
        maxRecordedCustomers = atLeastOne("maxRecordedCustomers", maxRecordedCustomers, 100_000);
        recordedHistoryLength = atLeastOne("recordedHistoryLength", recordedHistoryLength, 50);
        maxRecordedPurchases = atLeastOne("maxRecordedPurchases", maxRecordedPurchases, 1_000);
        if (warmUpCalls == null) {
            warmUpCalls = 10_000;
        } else if (warmUpCalls < 0) {
            throw new ConfigurationException("Option 'warmUpCalls' is " + warmUpCalls + "; expected at least 0");
        }
    }

    /** The defaults. */
    public static ServingOptions defaults() {
        return new ServingOptions(null, null, null, null);
    }

    /** These options with {@code warmUpCalls} replaced, e.g. 0 for a batch job that scores every customer anyway. */
    public ServingOptions withWarmUpCalls(int calls) {
        return new ServingOptions(maxRecordedCustomers, recordedHistoryLength, maxRecordedPurchases, calls);
    }

    private static Integer atLeastOne(String name, Integer value, int defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (value < 1) {
            throw new ConfigurationException("Option '" + name + "' is " + value + "; expected at least 1");
        }
        return value;
    }
}
