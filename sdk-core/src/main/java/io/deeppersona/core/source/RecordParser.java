package io.deeppersona.core.source;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.CustomerEvent;
import io.deeppersona.api.EventType;
import io.deeppersona.api.RejectedRecord;
import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.spi.EventSink;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one record's column values into a {@link CustomerEvent}, or into a {@link RejectedRecord} whose reason
 * says what was expected, following a {@link ColumnMapping}. Every built-in source uses it, so all read the same
 * way.
 *
 * <p>Bound once to a source's columns (a CSV header, the mapping's own columns for JSON, a result set's labels);
 * then each record is an array of values in that column order. Not thread-safe: it caches parsed times and types.
 */
public final class RecordParser {
    /** Builds the raw form of a rejected record, only when one is rejected. */
    @FunctionalInterface
    public interface RawRecord {
        String render(String[] values);
    }

    private static final int ABSENT = -1;

    private final String source;
    private final ColumnMapping mapping;
    private final int customer;
    private final int item;
    private final int time;
    private final int type;
    private final int quantity;
    private final int value;
    private final int price;
    private final int[] attributes;
    private final String[] attributeNames;
    private final EventType defaultType;
    private final TimeParser timeParser;
    private final Map<String, EventType> types = new HashMap<>();

    /**
     * Binds {@code mapping} to a source's columns.
     *
     * @param source where the records come from, for rejected records (no credentials)
     * @param columns the source's column names in record order
     * @throws ConfigurationException if a mapped column is not among {@code columns}; the message lists them
     */
    public RecordParser(String source, ColumnMapping mapping, List<String> columns) {
        this.source = requireNonNull(source, "source is null");
        this.mapping = requireNonNull(mapping, "mapping is null");
        requireNonNull(columns, "columns is null");
        customer = required(columns, "customer", mapping.customer());
        item = required(columns, "item", mapping.item());
        time = required(columns, "time", mapping.time());
        type = optional(columns, "type", mapping.type());
        quantity = optional(columns, "quantity", mapping.quantity());
        value = optional(columns, "value", mapping.value());
        price = optional(columns, "price", mapping.price());
        attributeNames = mapping.attributes().toArray(String[]::new);
        attributes = new int[attributeNames.length];
        for (int i = 0; i < attributeNames.length; i++) {
            attributes[i] = required(columns, "attributes", attributeNames[i]);
        }
        defaultType = EventType.of(mapping.eventType());
        timeParser = TimeParser.of(mapping.timeFormat(), mapping.zone());
    }

    /** Returns the mapping this parser follows. */
    public ColumnMapping mapping() {
        return mapping;
    }

    /**
     * Parses one record and hands the outcome to {@code sink}: {@link EventSink#accept} or {@link EventSink#reject}.
     *
     * @param values the record's values in the bound column order; {@code null} and {@code ""} mean missing
     * @param line 1-based line or row number of the record in the source
     * @param raw renders the record for the quarantine; called only on reject
     */
    public void parseInto(String[] values, long line, EventSink sink, RawRecord raw) {
        String field = "";
        CustomerEvent event;
        try {
            field = mapping.item();
            String itemId = values[item];
            if (itemId == null || itemId.isBlank()) {
                throw new IllegalArgumentException("item is empty; every event needs an item id");
            }
            field = mapping.time();
            String timeText = values[time];
            if (isEmpty(timeText)) {
                throw new IllegalArgumentException("time is empty; every event needs a time");
            }
            long millis = timeParser.parseMillis(timeText);
            EventType eventType = defaultType;
            if (type != ABSENT) {
                field = mapping.type();
                eventType = eventType(values[type]);
            }
            double eventQuantity = 1;
            if (quantity != ABSENT) {
                field = mapping.quantity();
                eventQuantity = number(values[quantity]);
            }
            double eventValue = Double.NaN;
            if (value != ABSENT) {
                field = mapping.value();
                eventValue = number(values[value]);
            } else if (price != ABSENT) {
                field = mapping.price();
                eventValue = eventQuantity * number(values[price]);
                if (Double.isInfinite(eventValue)) {
                    throw new IllegalArgumentException("quantity * price overflows: " + eventQuantity + " * '"
                            + values[price] + "'");
                }
            }
            String customerId = values[customer];
            if (customerId != null && customerId.isBlank()) {
                customerId = null;
            }
            field = "";
            event = new CustomerEvent(customerId, itemId, eventType, Instant.ofEpochMilli(millis), eventQuantity,
                    eventValue, attributes(values));
        } catch (IllegalArgumentException e) {
            // Reasons are built here from non-personal fields only; the customer column never fails to parse.
            sink.reject(new RejectedRecord(source, line, field, e.getMessage(), raw.render(values)));
            return;
        }
        // Outside the try: a sink's own IllegalArgumentException is its failure, not this record's.
        sink.accept(event);
    }

    private Map<String, String> attributes(String[] values) {
        if (attributes.length == 0) {
            return Map.of();
        }
        // An immutable map straight away: CustomerEvent's Map.copyOf then keeps it instead of copying a HashMap.
        @SuppressWarnings("unchecked")
        Map.Entry<String, String>[] kept = new Map.Entry[attributes.length];
        int count = 0;
        for (int i = 0; i < attributes.length; i++) {
            String attribute = values[attributes[i]];
            if (!isEmpty(attribute)) {
                kept[count++] = Map.entry(attributeNames[i], attribute);
            }
        }
        return Map.ofEntries(count == kept.length ? kept : Arrays.copyOf(kept, count));
    }

    private EventType eventType(String text) {
        if (isEmpty(text)) {
            return defaultType;
        }
        EventType cached = types.get(text);
        if (cached != null) {
            return cached;
        }
        EventType parsed;
        try {
            parsed = EventType.of(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot parse '" + text
                    + "' as event type; expected a lower-kebab name such as 'purchase' or 'add-to-cart'");
        }
        types.put(text, parsed);
        return parsed;
    }

    private static double number(String text) {
        if (isEmpty(text)) {
            return Double.NaN;
        }
        double parsed;
        try {
            parsed = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cannot parse '" + text + "' as a number; expected e.g. 6 or 2.55");
        }
        if (!Double.isFinite(parsed)) {
            throw new IllegalArgumentException("'" + text + "' is not a finite number");
        }
        return parsed;
    }

    private static boolean isEmpty(String text) {
        return text == null || text.isEmpty();
    }

    private int required(List<String> columns, String option, String column) {
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new ConfigurationException(source + " has no column '" + column + "' (option '" + option
                    + "'); its columns are " + columns + "; fix the option or the input");
        }
        return index;
    }

    private int optional(List<String> columns, String option, String column) {
        return column == null ? ABSENT : required(columns, option, column);
    }
}
