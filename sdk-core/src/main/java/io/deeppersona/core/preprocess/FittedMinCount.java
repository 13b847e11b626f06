package io.deeppersona.core.preprocess;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.EventLog;
import io.deeppersona.spi.FittedPreprocessor;
import io.deeppersona.spi.PreprocessResult;
import java.util.List;
import java.util.Set;

/**
 * A fitted {@link MinCount}: the item and customer ids kept in training. Immutable and thread-safe.
 *
 * <p>{@link #toString()} gives counts only; the kept customer ids are personal data.
 */
public final class FittedMinCount implements FittedPreprocessor {
    static final String RARE_ITEM = "rare-item";
    static final String RARE_CUSTOMER = "rare-customer";

    private final MinCountOptions options;
    private final Set<String> keptItemIds;
    private final Set<String> keptCustomerIds;

    FittedMinCount(MinCountOptions options, Set<String> keptItemIds, Set<String> keptCustomerIds) {
        this.options = requireNonNull(options, "options is null");
        this.keptItemIds = Set.copyOf(keptItemIds);
        this.keptCustomerIds = Set.copyOf(keptCustomerIds);
    }

    /** Returns the ids of the items seen often enough in training; empty when the item filter is off. */
    public Set<String> keptItemIds() {
        return keptItemIds;
    }

    /** Returns the ids of the customers seen often enough in training; empty when the customer filter is off. */
    public Set<String> keptCustomerIds() {
        return keptCustomerIds;
    }

    @Override
    public PreprocessResult apply(EventLog events) {
        RowDrops drops = new RowDrops(events, List.of(RARE_ITEM, RARE_CUSTOMER));
        // Looked up once per dictionary entry: the other log's dictionaries differ from the training log's.
        boolean[] itemKept = new boolean[events.itemCount()];
        for (int item = 0; item < itemKept.length; item++) {
            itemKept[item] = !options.filtersItems() || keptItemIds.contains(events.itemId(item));
        }
        boolean[] customerKept = new boolean[events.customerCount()];
        for (int customer = 0; customer < customerKept.length; customer++) {
            customerKept[customer] = !options.filtersCustomers()
                    || keptCustomerIds.contains(events.customerId(customer));
        }
        for (int row = 0; row < events.size(); row++) {
            int customer = events.customer(row);
            if (!itemKept[events.item(row)]) {
                drops.drop(row, RARE_ITEM);
            } else if (customer >= 0 && !customerKept[customer]) {
                drops.drop(row, RARE_CUSTOMER);
            }
        }
        return drops.result();
    }

    @Override
    public String toString() {
        return "FittedMinCount[" + options + ", keptItems=" + keptItemIds.size() + ", keptCustomers="
                + keptCustomerIds.size() + "]";
    }
}
