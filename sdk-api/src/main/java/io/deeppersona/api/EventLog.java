package io.deeppersona.api;

import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * An immutable, columnar log of customer events, sorted by customer and then by time, the common currency of every
 * pipeline stage. Events at one instant (a basket) are ordered by a canonical order of their item ids (a hash, then
 * the id), so the row order does not depend on the order events arrived in.
 *
 * <p>Ids are dictionary-encoded: a row holds an {@code int} customer index and item index into dictionaries shared
 * by the logs derived from one another with {@link #filter(BitSet)}. Dictionaries may therefore contain customers
 * or items with no rows left; {@link #customerRowsStart(int)} and {@link #customerRowsEnd(int)} then span nothing.
 * Rows whose customer is missing ({@code customer(row) == -1}) sort after all others.
 *
 * <p>Implementations are immutable and safe to share between threads. Obtain a builder from
 * {@link io.deeppersona.spi.ProviderContext#newEventLogBuilder()}.
 *
 * @since 0.1
 */
public interface EventLog {
    /** Returns the number of rows (events). */
    int size();

    /** Returns the size of the customer dictionary, including customers with no rows. */
    int customerCount();

    /** Returns the size of the item dictionary, including items with no rows. */
    int itemCount();

    /** Returns the id of the customer with dictionary index {@code customer}. */
    String customerId(int customer);

    /** Returns the dictionary index of {@code customerId}, or {@code -1} if the log has never seen it. */
    int customerIndex(String customerId);

    /** Returns the id of the item with dictionary index {@code item}. */
    String itemId(int item);

    /** Returns the dictionary index of {@code itemId}, or {@code -1} if the log has never seen it. */
    int itemIndex(String itemId);

    /** Returns the event-type dictionary; {@link #eventType(int)} indexes into it. */
    List<EventType> eventTypes();

    /** Returns the customer index of {@code row}, or {@code -1} when the event has no customer. */
    int customer(int row);

    /** Returns the item index of {@code row}. */
    int item(int row);

    /** Returns the index into {@link #eventTypes()} of {@code row}'s type. */
    int eventType(int row);

    /** Returns the time of {@code row} in milliseconds since the epoch (UTC). */
    long timestampMillis(int row);

    /** Returns the quantity of {@code row}, {@code NaN} when unknown. */
    float quantity(int row);

    /** Returns the monetary value of {@code row}, {@code NaN} when unknown. */
    float value(int row);

    /** Returns the names of the attribute columns, in column order. */
    List<String> attributeNames();

    /** Returns attribute column {@code column} of {@code row}, or {@code null} when the event had none. */
    String attribute(int row, int column);

    /** Returns the first row of {@code customer}; rows of one customer are contiguous and in time order. */
    int customerRowsStart(int customer);

    /** Returns one past the last row of {@code customer}. */
    int customerRowsEnd(int customer);

    /** Returns a log with only the rows whose bit is set, in the same order and with the same dictionaries. */
    EventLog filter(BitSet keep);

    /**
     * Returns a log whose customer ids are replaced by {@code mapping(id)}, re-sorted; ids that map to one value
     * are merged. Used for pseudonymisation.
     */
    EventLog mapCustomerIds(UnaryOperator<String> mapping);

    /** Returns a log without the named attribute columns (names not present are ignored). */
    EventLog withoutAttributes(Set<String> names);

    /** Returns an estimate of the heap this log retains, in bytes, dictionaries included. */
    long estimatedBytes();

    /** Returns row {@code row} as an event object; meant for tests and small outputs, not for hot loops. */
    default CustomerEvent event(int row) {
        int customer = customer(row);
        List<String> names = attributeNames();
        Map<String, String> attributes = new java.util.LinkedHashMap<>();
        for (int column = 0; column < names.size(); column++) {
            String value = attribute(row, column);
            if (value != null) {
                attributes.put(names.get(column), value);
            }
        }
        return new CustomerEvent(
                customer < 0 ? null : customerId(customer),
                itemId(item(row)),
                eventTypes().get(eventType(row)),
                Instant.ofEpochMilli(timestampMillis(row)),
                quantity(row),
                value(row),
                attributes);
    }

    /** Returns the index of attribute column {@code name}, or {@code -1}. */
    default int attributeColumn(String name) {
        return attributeNames().indexOf(name);
    }
}
