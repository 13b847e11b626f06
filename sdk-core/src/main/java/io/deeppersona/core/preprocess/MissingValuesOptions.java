package io.deeppersona.core.preprocess;

import io.deeppersona.api.error.ConfigurationException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of {@code missing-values}: a policy per field, each {@code "keep"}, {@code "drop"} or
 * {@code "fill:<value>"}.
 *
 * @param customer {@code "drop"} (default) or {@code "keep"}; a customer cannot be filled
 * @param quantity {@code "keep"} (default), {@code "drop"} or {@code "fill:<number>"}
 * @param value {@code "keep"} (default), {@code "drop"} or {@code "fill:<number>"}
 * @param attributes attribute name to {@code "keep"}, {@code "drop"} or {@code "fill:<text>"}; default none, and
 *     attributes not named are kept
 */
public record MissingValuesOptions(String customer, String quantity, String value, Map<String, String> attributes) {
    public MissingValuesOptions {
        customer = customer == null ? "drop" : customer;
        quantity = quantity == null ? "keep" : quantity;
        value = value == null ? "keep" : value;
        // LinkedHashMap keeps the configured order, which decides the reason of a row missing several attributes.
        attributes = attributes == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        if (FieldPolicy.parse(customer, "customer").action() == FieldPolicy.Action.FILL) {
            throw new ConfigurationException("missing-values option 'customer' is '" + customer
                    + "'; a missing customer cannot be filled, expected \"drop\" or \"keep\"");
        }
        FieldPolicy.parseNumeric(quantity, "quantity");
        FieldPolicy.parseNumeric(value, "value");
        attributes.forEach((name, policy) -> FieldPolicy.parse(policy, "attributes." + name));
    }

    /** Returns the default options: drop events without a customer, keep everything else. */
    public static MissingValuesOptions defaults() {
        return new MissingValuesOptions(null, null, null, null);
    }
}
