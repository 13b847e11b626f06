package io.deeppersona.api;

/**
 * Collects events and builds an {@link EventLog}. Single-threaded and single-use: after {@link #build()} every
 * call fails with {@link IllegalStateException}.
 *
 * @since 0.1
 */
public interface EventLogBuilder {
    /** Appends one event; attributes become attribute columns (a new name adds a column). */
    EventLogBuilder add(CustomerEvent event);

    /**
     * Appends one event without attributes, avoiding the event object; the fast path for bulk sources.
     *
     * @param customerId the customer, or {@code null} when missing
     */
    EventLogBuilder add(String customerId, String itemId, EventType type, long timestampMillis, float quantity,
            float value);

    /** Returns the number of events added so far. */
    int size();

    /** Sorts the events by customer and time and returns the immutable log. */
    EventLog build();
}
