package io.deeppersona.core;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.EventLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One customer's item ids from an event log, oldest first: what a recommendation query is built from.
 *
 * @param items every event's item, in time order (repeats kept)
 * @param distinctItems the distinct items, in order of first appearance
 */
public record CustomerHistory(List<String> items, Set<String> distinctItems) {
    public CustomerHistory {
        items = List.copyOf(items);
        distinctItems = Collections.unmodifiableSet(new LinkedHashSet<>(distinctItems));
    }

    /** Returns the history of {@code customerId} in {@code log}; empty when the log does not know them. */
    public static CustomerHistory of(EventLog log, String customerId) {
        requireNonNull(customerId, "customerId is null");
        int customer = log.customerIndex(customerId);
        return customer < 0 ? new CustomerHistory(List.of(), Set.of()) : of(log, customer);
    }

    /** Returns the history of the customer with dictionary index {@code customer}. */
    public static CustomerHistory of(EventLog log, int customer) {
        int start = log.customerRowsStart(customer);
        int end = log.customerRowsEnd(customer);
        List<String> items = new ArrayList<>(end - start);
        Set<String> distinct = new LinkedHashSet<>();
        for (int row = start; row < end; row++) {
            String item = log.itemId(log.item(row));
            items.add(item);
            distinct.add(item);
        }
        return new CustomerHistory(items, distinct);
    }
}
