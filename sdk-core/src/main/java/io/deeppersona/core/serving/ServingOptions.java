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
 */
public record ServingOptions(Integer maxRecordedCustomers, Integer recordedHistoryLength,
        Integer maxRecordedPurchases) {
    public ServingOptions {
        maxRecordedCustomers = atLeastOne("maxRecordedCustomers", maxRecordedCustomers, 100_000);
        recordedHistoryLength = atLeastOne("recordedHistoryLength", recordedHistoryLength, 50);
        maxRecordedPurchases = atLeastOne("maxRecordedPurchases", maxRecordedPurchases, 1_000);
    }

    /** The defaults. */
    public static ServingOptions defaults() {
        return new ServingOptions(null, null, null);
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
