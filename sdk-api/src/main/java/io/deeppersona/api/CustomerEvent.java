package io.deeppersona.api;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;

/**
 * One thing a customer did: viewed, clicked, bought or returned an item, or saw an impression.
 *
 * <p>Missing values are represented, not invented: an anonymous or unknown customer is {@code null}, an unknown
 * quantity or monetary value is {@code NaN}. The {@code missing-values} preprocessor decides per field whether such
 * events are filled or dropped, and counts them.
 *
 * @param customerId the customer, or {@code null} when the source had none
 * @param itemId the item (product, page, campaign or ad), never blank
 * @param type what happened
 * @param timestamp when it happened
 * @param quantity units involved (1 for a view), or {@code NaN} when unknown; negative for returns in some sources
 * @param value monetary value of the event in the shop's currency (quantity times unit price), or {@code NaN}
 * @param attributes further named values kept from the source (invoice number, description, country), never null
 * @since 0.1
 */
public record CustomerEvent(
        String customerId,
        String itemId,
        EventType type,
        Instant timestamp,
        double quantity,
        double value,
        Map<String, String> attributes) {

    public CustomerEvent {
        if (customerId != null && customerId.isBlank()) {
            throw new IllegalArgumentException("customerId is blank; use null for a missing customer");
        }
        requireNonNull(itemId, "itemId is null");
        if (itemId.isBlank()) {
            throw new IllegalArgumentException("itemId is blank");
        }
        requireNonNull(type, "type is null");
        requireNonNull(timestamp, "timestamp is null");
        if (Double.isInfinite(quantity)) {
            throw new IllegalArgumentException("quantity must be finite or NaN (missing), got " + quantity);
        }
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("value must be finite or NaN (missing), got " + value);
        }
        attributes = Map.copyOf(requireNonNull(attributes, "attributes is null"));
    }

    /** A purchase of {@code quantity} units worth {@code value}, with no further attributes. */
    public static CustomerEvent purchase(String customerId, String itemId, Instant timestamp, double quantity,
            double value) {
        return new CustomerEvent(customerId, itemId, EventType.PURCHASE, timestamp, quantity, value, Map.of());
    }

    /** An event of one unit and unknown value, with no further attributes; handy for views and clicks. */
    public static CustomerEvent of(String customerId, String itemId, EventType type, Instant timestamp) {
        return new CustomerEvent(customerId, itemId, type, timestamp, 1, Double.NaN, Map.of());
    }
}
