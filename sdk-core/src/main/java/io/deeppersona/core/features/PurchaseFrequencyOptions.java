package io.deeppersona.core.features;

import io.deeppersona.api.error.ConfigurationException;
import java.util.List;

/**
 * Options of the {@code purchase-frequency} extractor; absent keys keep the defaults.
 *
 * @param eventTypes the event types that count as purchases; default {@code ["purchase"]}
 * @param orderAttribute attribute whose distinct values are purchase occasions (e.g. {@code "InvoiceNo"});
 *     default none: distinct timestamps are occasions
 */
public record PurchaseFrequencyOptions(List<String> eventTypes, String orderAttribute) {
    public PurchaseFrequencyOptions {
        eventTypes = eventTypes == null ? RfmOptions.DEFAULT_EVENT_TYPES : List.copyOf(eventTypes);
        EventTypeSelection.of(eventTypes, RfmOptions.DEFAULT_EVENT_TYPES);
        if (orderAttribute != null && orderAttribute.isBlank()) {
            throw new ConfigurationException("Option 'orderAttribute' is blank; name an attribute such as "
                    + "\"InvoiceNo\" or leave it out to count distinct timestamps");
        }
    }

    /** The defaults. */
    public static PurchaseFrequencyOptions defaults() {
        return new PurchaseFrequencyOptions(null, null);
    }
}
