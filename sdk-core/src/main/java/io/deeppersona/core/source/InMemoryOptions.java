package io.deeppersona.core.source;

import io.deeppersona.api.error.ConfigurationException;
import java.util.List;
import java.util.Map;

/**
 * Options of the {@code in-memory} source, for specs and tests.
 *
 * @param events the records, as maps: see {@link InMemoryDataSource#ofRecords}
 * @param description what to call the source in reports; default "in-memory"
 * @since 0.1
 */
public record InMemoryOptions(List<Map<String, Object>> events, String description) {
    public InMemoryOptions {
        if (events == null) {
            throw new ConfigurationException("Option 'events' is required: a list of records such as "
                    + "{customer: c1, item: i1, timestamp: '2024-01-01T00:00:00Z'}");
        }
        events = List.copyOf(events);
        description = description == null ? "in-memory" : description;
        if (description.isBlank()) {
            throw new ConfigurationException("Option 'description' is blank; leave it out for 'in-memory'");
        }
    }
}
