package io.deeppersona.core.preprocess;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.EventLog;
import io.deeppersona.spi.FittedPreprocessor;
import io.deeppersona.spi.Preprocessor;
import java.util.HashSet;
import java.util.Set;

/**
 * Keeps only items and customers with enough training events. {@link #fit} learns the kept sets from the training
 * log alone; the fitted step then drops every other item ({@code "rare-item"}, checked first) and customer
 * ({@code "rare-customer"}) from whatever log it is applied to, ids unseen in training included.
 *
 * <p>A filter whose threshold is 0 or 1 is off: it keeps everything, ids unseen in training too, so the default
 * {@code minCustomerEvents = 1} does not drop new customers of a test period. Events without a customer count
 * towards their item and are never dropped as {@code "rare-customer"}. Immutable and thread-safe.
 */
public final class MinCount implements Preprocessor {
    private final MinCountOptions options;

    public MinCount(MinCountOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    @Override
    public String name() {
        return MinCountProvider.NAME;
    }

    @Override
    public boolean learnsFromData() {
        return true;
    }

    @Override
    public FittedMinCount fit(EventLog training) {
        requireNonNull(training, "training is null");
        boolean[] itemKept = new boolean[training.itemCount()];
        boolean[] customerKept = new boolean[training.customerCount()];
        java.util.Arrays.fill(itemKept, true);
        java.util.Arrays.fill(customerKept, true);
        boolean changed = true;
        boolean first = true;
        while (changed && (first || options.kCore())) {
            // Counts include only rows whose item and customer are both still kept, which is what makes it a k-core.
            int[] itemEvents = new int[itemKept.length];
            int[] customerEvents = new int[customerKept.length];
            for (int row = 0; row < training.size(); row++) {
                int item = training.item(row);
                int customer = training.customer(row);
                if (itemKept[item] && (customer < 0 || customerKept[customer])) {
                    itemEvents[item]++;
                    if (customer >= 0) {
                        customerEvents[customer]++;
                    }
                }
            }
            changed = false;
            for (int item = 0; item < itemKept.length; item++) {
                if (itemKept[item] && itemEvents[item] < Math.max(1, options.minItemEvents())) {
                    itemKept[item] = false;
                    changed |= itemEvents[item] > 0;
                }
            }
            for (int customer = 0; customer < customerKept.length; customer++) {
                if (customerKept[customer] && customerEvents[customer] < Math.max(1, options.minCustomerEvents())) {
                    customerKept[customer] = false;
                    changed |= customerEvents[customer] > 0;
                }
            }
            first = false;
        }
        // A filter that is off keeps everything at apply time, so its set would only cost memory.
        return new FittedMinCount(options,
                options.filtersItems() ? keptIds(itemKept, training, true) : Set.of(),
                options.filtersCustomers() ? keptIds(customerKept, training, false) : Set.of());
    }

    private static Set<String> keptIds(boolean[] kept, EventLog log, boolean items) {
        Set<String> ids = new HashSet<>();
        for (int index = 0; index < kept.length; index++) {
            if (kept[index]) {
                ids.add(items ? log.itemId(index) : log.customerId(index));
            }
        }
        return ids;
    }

    /** Returns the options this step was made with. */
    public MinCountOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return "MinCount" + options;
    }
}
