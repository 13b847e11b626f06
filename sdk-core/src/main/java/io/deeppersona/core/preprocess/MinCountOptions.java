package io.deeppersona.core.preprocess;

import io.deeppersona.api.error.ConfigurationException;

/**
 * Options of {@code min-count}.
 *
 * @param minItemEvents an item needs at least this many training events to be kept; default 5, 0 or 1 disables
 * @param minCustomerEvents a customer needs at least this many training events to be kept; default 1 (disabled)
 * @param kCore repeat both filters until neither drops anything, so every kept item and customer meets its minimum
 *     counting only kept events; default false
 */
public record MinCountOptions(Integer minItemEvents, Integer minCustomerEvents, Boolean kCore) {
    public MinCountOptions {
        minItemEvents = minItemEvents == null ? 5 : minItemEvents;
        minCustomerEvents = minCustomerEvents == null ? 1 : minCustomerEvents;
        kCore = kCore != null && kCore;
        if (minItemEvents < 0) {
            throw new ConfigurationException("min-count option 'minItemEvents' is " + minItemEvents
                    + "; expected 0 or more");
        }
        if (minCustomerEvents < 0) {
            throw new ConfigurationException("min-count option 'minCustomerEvents' is " + minCustomerEvents
                    + "; expected 0 or more");
        }
    }

    /** Returns the default options. */
    public static MinCountOptions defaults() {
        return new MinCountOptions(null, null, null);
    }

    /** Whether the item filter can drop anything: a threshold of 0 or 1 keeps every item. */
    boolean filtersItems() {
        return minItemEvents > 1;
    }

    /** Whether the customer filter can drop anything. */
    boolean filtersCustomers() {
        return minCustomerEvents > 1;
    }
}
