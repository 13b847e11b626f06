package io.deeppersona.core.models;

import io.deeppersona.api.EventLog;
import java.util.Arrays;

/**
 * The binary customer x item matrix of a training log, in compressed rows: each customer's distinct items.
 *
 * <p>Model items are the log's items that have at least one row, numbered in the log's item dictionary order, so
 * ties between equal scores break the same way in every model. Every event type counts as an interaction, and rows
 * without a customer are ignored. Customers are kept anonymous: only their row of items survives.
 */
final class Interactions {
    private final String[] itemIds;
    private final int[] rowStart;
    private final int[] rowItems;
    private final int[] customersPerItem;

    private Interactions(String[] itemIds, int[] rowStart, int[] rowItems, int[] customersPerItem) {
        this.itemIds = itemIds;
        this.rowStart = rowStart;
        this.rowItems = rowItems;
        this.customersPerItem = customersPerItem;
    }

    static Interactions of(EventLog log) {
        int[] modelIndex = new int[log.itemCount()];
        Arrays.fill(modelIndex, -1);
        for (int row = 0; row < log.size(); row++) {
            if (log.customer(row) >= 0) {
                modelIndex[log.item(row)] = 0;
            }
        }
        int items = 0;
        for (int item = 0; item < modelIndex.length; item++) {
            if (modelIndex[item] == 0) {
                modelIndex[item] = items++;
            }
        }
        String[] itemIds = new String[items];
        for (int item = 0; item < modelIndex.length; item++) {
            if (modelIndex[item] >= 0) {
                itemIds[modelIndex[item]] = log.itemId(item);
            }
        }
        int[] rowStart = new int[log.customerCount() + 1];
        int[] rowItems = new int[log.size()];
        int[] customersPerItem = new int[items];
        // Marks an item as already seen for the current customer without clearing an array per customer.
        int[] lastCustomer = new int[items];
        Arrays.fill(lastCustomer, -1);
        int next = 0;
        int rows = 0;
        for (int customer = 0; customer < log.customerCount(); customer++) {
            int start = next;
            for (int row = log.customerRowsStart(customer); row < log.customerRowsEnd(customer); row++) {
                int item = modelIndex[log.item(row)];
                if (lastCustomer[item] != customer) {
                    lastCustomer[item] = customer;
                    rowItems[next++] = item;
                    customersPerItem[item]++;
                }
            }
            if (next > start) {
                Arrays.sort(rowItems, start, next);
                rowStart[rows + 1] = next;
                rows++;
            }
        }
        return new Interactions(itemIds, Arrays.copyOf(rowStart, rows + 1), Arrays.copyOf(rowItems, next),
                customersPerItem);
    }

    int itemCount() {
        return itemIds.length;
    }

    /** Returns the item ids in model order; the caller must not modify the array. */
    String[] itemIds() {
        return itemIds;
    }

    /** Returns the number of customers with at least one interaction. */
    int rowCount() {
        return rowStart.length - 1;
    }

    int rowStart(int row) {
        return rowStart[row];
    }

    int rowEnd(int row) {
        return rowStart[row + 1];
    }

    /** Returns the total length of all rows. */
    int positions() {
        return rowItems.length;
    }

    /** Returns the item at position {@code position} of the concatenated rows. */
    int itemAt(int position) {
        return rowItems[position];
    }

    /** Returns the number of distinct customers per item; the caller must not modify the array. */
    int[] customersPerItem() {
        return customersPerItem;
    }
}
