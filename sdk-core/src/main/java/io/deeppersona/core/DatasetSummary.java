package io.deeppersona.core;

import io.deeppersona.api.EventLog;

/**
 * Size of the preprocessed data a pipeline trained and evaluated on.
 *
 * @param events rows
 * @param customers customers with at least one row
 * @param items items with at least one row
 */
public record DatasetSummary(long events, long customers, long items) {
    /** Counts what {@code log} actually holds, not its dictionaries (which may list filtered-out ids). */
    public static DatasetSummary of(EventLog log) {
        long customers = 0;
        for (int c = 0; c < log.customerCount(); c++) {
            if (log.customerRowsEnd(c) > log.customerRowsStart(c)) {
                customers++;
            }
        }
        java.util.BitSet items = new java.util.BitSet(log.itemCount());
        for (int row = 0; row < log.size(); row++) {
            items.set(log.item(row));
        }
        return new DatasetSummary(log.size(), customers, items.cardinality());
    }
}
