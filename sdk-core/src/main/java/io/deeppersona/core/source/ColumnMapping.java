package io.deeppersona.core.source;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.deeppersona.api.EventType;
import io.deeppersona.api.error.ConfigurationException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which source column (CSV header, JSON field, SQL column label) feeds which part of a
 * {@link io.deeppersona.api.CustomerEvent}. Shared by every built-in source; absent options keep the defaults.
 *
 * @param customer column with the customer id; an empty value means a missing customer, not a bad record
 * @param item column with the item id; required in every record
 * @param time column with the event time
 * @param type optional column with the event type; when absent every event gets {@code eventType}
 * @param eventType the event type used when there is no type column or its value is empty; default "purchase"
 * @param quantity optional column with the quantity; without it every event has quantity 1
 * @param value optional column with the monetary value
 * @param price optional column with the unit price; value = quantity * price when there is no value column
 * @param attributes further columns kept as event attributes (empty values are left out)
 * @param timeFormat "epoch-seconds", "epoch-millis", "iso" (an ISO-8601 instant, offset or local date-time) or a
 *     {@link java.time.format.DateTimeFormatter} pattern such as "yyyy-MM-dd HH:mm:ss"
 * @param timeZone zone for zone-less times; default "UTC"
 * @since 0.1
 */
public record ColumnMapping(
        String customer,
        String item,
        String time,
        String type,
        String eventType,
        String quantity,
        String value,
        String price,
        List<String> attributes,
        String timeFormat,
        String timeZone) {

    /** The option keys of a mapping, as they appear in a source's options. */
    public static final Set<String> OPTION_NAMES = Set.of("customer", "item", "time", "type", "eventType",
            "quantity", "value", "price", "attributes", "timeFormat", "timeZone");

    public static final String EPOCH_SECONDS = "epoch-seconds";
    public static final String EPOCH_MILLIS = "epoch-millis";
    public static final String ISO = "iso";

    @JsonCreator
    public ColumnMapping(
            @JsonProperty("customer") String customer,
            @JsonProperty("item") String item,
            @JsonProperty("time") String time,
            @JsonProperty("type") String type,
            @JsonProperty("eventType") String eventType,
            @JsonProperty("quantity") String quantity,
            @JsonProperty("value") String value,
            @JsonProperty("price") String price,
            @JsonProperty("attributes") List<String> attributes,
            @JsonProperty("timeFormat") String timeFormat,
            @JsonProperty("timeZone") String timeZone) {
        this.customer = requiredColumn("customer", customer, "customer");
        this.item = requiredColumn("item", item, "item");
        this.time = requiredColumn("time", time, "timestamp");
        this.type = optionalColumn("type", type);
        this.eventType = eventType == null ? EventType.PURCHASE.name() : checkEventType(eventType);
        this.quantity = optionalColumn("quantity", quantity);
        this.value = optionalColumn("value", value);
        this.price = optionalColumn("price", price);
        if (this.value != null && this.price != null) {
            throw new ConfigurationException("Options 'value' ('" + value + "') and 'price' ('" + price
                    + "') are both set; map either a value column or a unit-price column (value = quantity * price)"
                    + ", and list the other under 'attributes' to keep it");
        }
        this.attributes = attributes == null ? List.of() : List.copyOf(attributes);
        if (new java.util.HashSet<>(this.attributes).size() != this.attributes.size()) {
            throw new ConfigurationException("Option 'attributes' lists a column twice: " + this.attributes);
        }
        for (String attribute : this.attributes) {
            if (attribute.isBlank()) {
                throw new ConfigurationException("Option 'attributes' contains a blank column name: "
                        + this.attributes);
            }
        }
        this.timeFormat = timeFormat == null ? ISO : timeFormat;
        this.timeZone = timeZone == null ? "UTC" : timeZone;
        zone();
        TimeParser.of(this.timeFormat, zone());
    }

    // Exceptions thrown while binding carry no cause on purpose: option binding reports the root cause's message,
    // which must be ours (naming the option and value), not the JDK's.

    /** A mapping with every default: columns customer, item, timestamp; ISO times in UTC; type "purchase". */
    public static ColumnMapping defaults() {
        return new ColumnMapping(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Returns this mapping with another time format, e.g. when a JDBC source hands over epoch millis. */
    public ColumnMapping withTimeFormat(String format) {
        return new ColumnMapping(customer, item, time, type, eventType, quantity, value, price, attributes, format,
                timeZone);
    }

    /** Returns this mapping with type, quantity and value read from columns of those names. */
    public ColumnMapping withTypeQuantityValueColumns(String typeColumn, String quantityColumn, String valueColumn) {
        return new ColumnMapping(customer, item, time, typeColumn, eventType, quantityColumn, valueColumn, null,
                attributes, timeFormat, timeZone);
    }

    /** Returns this mapping with another attribute list. */
    public ColumnMapping withAttributes(List<String> attributeColumns) {
        return new ColumnMapping(customer, item, time, type, eventType, quantity, value, price, attributeColumns,
                timeFormat, timeZone);
    }

    /** Returns the zone applied to zone-less times. */
    public ZoneId zone() {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new ConfigurationException("Option 'timeZone' is '" + timeZone
                    + "', not a zone id; expected e.g. 'UTC' or 'Europe/London'");
        }
    }

    /** Returns every column this mapping reads, in mapping order, without duplicates. */
    public List<String> columns() {
        Set<String> columns = new LinkedHashSet<>();
        columns.add(customer);
        columns.add(item);
        columns.add(time);
        for (String optional : new String[] {type, quantity, value, price}) {
            if (optional != null) {
                columns.add(optional);
            }
        }
        columns.addAll(attributes);
        return new ArrayList<>(columns);
    }

    private static String requiredColumn(String option, String column, String defaultColumn) {
        if (column == null) {
            return defaultColumn;
        }
        if (column.isBlank()) {
            throw new ConfigurationException("Option '" + option + "' is blank; expected a column name (default '"
                    + defaultColumn + "')");
        }
        return column;
    }

    private static String optionalColumn(String option, String column) {
        if (column != null && column.isBlank()) {
            throw new ConfigurationException("Option '" + option
                    + "' is blank; expected a column name, or leave the option out");
        }
        return column;
    }

    private static String checkEventType(String name) {
        try {
            return EventType.of(name).name();
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Option 'eventType' is '" + name
                    + "'; expected a lower-kebab event type such as 'purchase' or 'add-to-cart'");
        }
    }
}
