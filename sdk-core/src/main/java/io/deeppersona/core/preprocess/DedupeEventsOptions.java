package io.deeppersona.core.preprocess;

import io.deeppersona.api.error.ConfigurationException;
import java.util.List;
import java.util.Set;

/**
 * Options of {@code dedupe-events}.
 *
 * @param keys the fields two events must share to be duplicates, a non-empty subset of {@code customer, item,
 *     type, timestamp, quantity, value}; default {@code [customer, item, type, timestamp]}
 */
public record DedupeEventsOptions(List<String> keys) {
    /** The fields a key may name. */
    public static final Set<String> FIELDS = Set.of("customer", "item", "type", "timestamp", "quantity", "value");
    /** The default key. */
    public static final List<String> DEFAULT_KEYS = List.of("customer", "item", "type", "timestamp");

    public DedupeEventsOptions {
        keys = keys == null ? DEFAULT_KEYS : List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new ConfigurationException("dedupe-events option 'keys' is empty; name at least one of "
                    + "[customer, item, type, timestamp, quantity, value]");
        }
        for (String key : keys) {
            if (!FIELDS.contains(key)) {
                throw new ConfigurationException("dedupe-events option 'keys' has unknown field '" + key
                        + "'; expected a subset of [customer, item, type, timestamp, quantity, value]");
            }
        }
    }

    /** Returns the default options. */
    public static DedupeEventsOptions defaults() {
        return new DedupeEventsOptions(null);
    }
}
