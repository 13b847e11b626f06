package io.deeppersona.spi;

import io.deeppersona.api.CustomerEvent;
import io.deeppersona.api.RejectedRecord;

/**
 * Receives a data source's records: each record read goes to exactly one of {@link #accept} and {@link #reject},
 * so that records read = accepted + rejected. The sink applies the host's error policy: under fail-fast,
 * {@code reject} throws a {@link io.deeppersona.api.error.DataSourceException} naming the source, line and field;
 * under quarantine, it stores the record with its reason and returns.
 *
 * @since 0.1
 */
public interface EventSink {
    /** Takes one valid event. */
    void accept(CustomerEvent event);

    /** Takes one record that could not be turned into an event. */
    void reject(RejectedRecord record);
}
