package io.deeppersona.core.features;

import io.deeppersona.api.EventLog;
import io.deeppersona.api.FeatureSchema;
import io.deeppersona.api.FeatureTable;
import io.deeppersona.api.FeatureVector;
import java.util.ArrayList;
import java.util.List;

/** Builds a feature table with one row per customer that has rows in a log, in customer-dictionary order. */
final class CustomerRows {
    /** Computes one customer's features from rows {@code [start, end)} of the log. */
    @FunctionalInterface
    interface RowFunction {
        FeatureVector features(String customerId, int start, int end);
    }

    private CustomerRows() {
    }

    static FeatureTable table(EventLog log, FeatureSchema schema, RowFunction function) {
        List<FeatureVector> rows = new ArrayList<>();
        // Rows without a customer sort after all customers, so iterating the dictionary skips them.
        for (int customer = 0; customer < log.customerCount(); customer++) {
            int start = log.customerRowsStart(customer);
            int end = log.customerRowsEnd(customer);
            if (start < end) {
                rows.add(function.features(log.customerId(customer), start, end));
            }
        }
        return FeatureTable.of(schema, rows);
    }
}
