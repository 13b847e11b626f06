package io.deeppersona.core.source;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.CustomerEvent;
import io.deeppersona.spi.DataSource;
import io.deeppersona.spi.EventSink;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Events held in memory: either ready-made {@link CustomerEvent}s from a host ({@link #of}) or records given as
 * maps in a spec ({@link #ofRecords}), which are parsed like any other source's rows and may be rejected.
 *
 * <p>Immutable and thread-safe; every {@link #read} replays the same records.
 *
 * @since 0.1
 */
public final class InMemoryDataSource implements DataSource {
    private final String description;
    private final List<CustomerEvent> events;
    private final ColumnMapping mapping;
    private final List<String> columns;
    private final List<String[]> rows;

    private InMemoryDataSource(String description, List<CustomerEvent> events, ColumnMapping mapping,
            List<String> columns, List<String[]> rows) {
        this.description = requireNonNull(description, "description is null");
        this.events = events;
        this.mapping = mapping;
        this.columns = columns;
        this.rows = rows;
    }

    /** Returns a source that replays {@code events} in order; the list is copied. */
    public static InMemoryDataSource of(String description, List<CustomerEvent> events) {
        return new InMemoryDataSource(description, List.copyOf(requireNonNull(events, "events is null")), null,
                List.of(), List.of());
    }

    /**
     * Returns a source of records given as maps. Keys {@code customer}, {@code item} and {@code timestamp} (ISO-8601)
     * are the event's parts, {@code type}, {@code quantity} and {@code value} are read when any record has them, and
     * every other key becomes an attribute. Values may be strings, numbers or null.
     */
    public static InMemoryDataSource ofRecords(String description, List<Map<String, Object>> records) {
        requireNonNull(records, "records is null");
        ColumnMapping defaults = ColumnMapping.defaults();
        Set<String> keys = new LinkedHashSet<>();
        records.forEach(record -> keys.addAll(requireNonNull(record, "a record is null").keySet()));
        List<String> attributes = new ArrayList<>(keys);
        attributes.removeAll(List.of(defaults.customer(), defaults.item(), defaults.time(), "type", "quantity",
                "value"));
        ColumnMapping mapping = defaults.withTypeQuantityValueColumns(
                keys.contains("type") ? "type" : null,
                keys.contains("quantity") ? "quantity" : null,
                keys.contains("value") ? "value" : null).withAttributes(attributes);
        List<String> columns = mapping.columns();
        List<String[]> rows = new ArrayList<>(records.size());
        for (Map<String, Object> record : records) {
            String[] values = new String[columns.size()];
            for (int i = 0; i < values.length; i++) {
                Object value = record.get(columns.get(i));
                values[i] = value == null ? null : value.toString();
            }
            rows.add(values);
        }
        return new InMemoryDataSource(description, null, mapping, List.copyOf(columns), List.copyOf(rows));
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void read(EventSink sink) {
        requireNonNull(sink, "sink is null");
        if (events != null) {
            events.forEach(sink::accept);
            return;
        }
        RecordParser parser = new RecordParser(description, mapping, columns);
        long line = 0;
        for (String[] row : rows) {
            line++;
            // The parser keeps the value strings, never the array; copying keeps the stored rows unshared anyway.
            parser.parseInto(row.clone(), line, sink, this::render);
        }
    }

    private String render(String[] values) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                out.append(out.length() > 1 ? ", " : "").append(columns.get(i)).append('=').append(values[i]);
            }
        }
        return out.append('}').toString();
    }

    @Override
    public String toString() {
        return "InMemoryDataSource[" + description + ", " + (events != null ? events.size() : rows.size())
                + " records]";
    }
}
