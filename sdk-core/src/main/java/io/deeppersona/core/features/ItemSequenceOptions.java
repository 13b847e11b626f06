package io.deeppersona.core.features;

import io.deeppersona.api.error.ConfigurationException;
import java.util.List;

/**
 * Options of the {@code item-sequence} extractor; absent keys keep the defaults.
 *
 * @param length how many of the latest items to keep; default 5
 * @param collapseRepeats whether consecutive events on one item count once; default {@code true}
 * @param eventTypes the event types that count; default every type
 */
public record ItemSequenceOptions(Integer length, Boolean collapseRepeats, List<String> eventTypes) {
    public ItemSequenceOptions {
        length = length == null ? Integer.valueOf(5) : length;
        if (length < 1) {
            throw new ConfigurationException("Option 'length' is " + length + "; expected at least 1");
        }
        collapseRepeats = collapseRepeats == null ? Boolean.TRUE : collapseRepeats;
        eventTypes = eventTypes == null ? null : List.copyOf(eventTypes);
        EventTypeSelection.of(eventTypes, null);
    }

    /** The defaults. */
    public static ItemSequenceOptions defaults() {
        return new ItemSequenceOptions(null, null, null);
    }
}
