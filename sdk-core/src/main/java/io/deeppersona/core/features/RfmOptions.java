package io.deeppersona.core.features;

import io.deeppersona.api.error.ConfigurationException;
import java.util.List;

/**
 * Options of the {@code rfm} extractor; absent keys keep the defaults.
 *
 * @param eventTypes the event types that count as purchases; default {@code ["purchase"]}
 * @param orderAttribute attribute whose distinct values are purchase occasions (e.g. {@code "InvoiceNo"});
 *     default none: distinct timestamps are occasions
 * @param logScale whether frequency and monetary are {@code log1p}-scaled; default {@code true}
 */
public record RfmOptions(List<String> eventTypes, String orderAttribute, Boolean logScale) {
    static final List<String> DEFAULT_EVENT_TYPES = List.of("purchase");

    public RfmOptions {
        eventTypes = eventTypes == null ? DEFAULT_EVENT_TYPES : List.copyOf(eventTypes);
        EventTypeSelection.of(eventTypes, DEFAULT_EVENT_TYPES);
        if (orderAttribute != null && orderAttribute.isBlank()) {
            throw new ConfigurationException("Option 'orderAttribute' is blank; name an attribute such as "
                    + "\"InvoiceNo\" or leave it out to count distinct timestamps");
        }
        logScale = logScale == null ? Boolean.TRUE : logScale;
    }

    /** The defaults. */
    public static RfmOptions defaults() {
        return new RfmOptions(null, null, null);
    }
}
