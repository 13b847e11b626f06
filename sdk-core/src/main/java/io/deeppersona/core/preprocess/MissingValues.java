package io.deeppersona.core.preprocess;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.EventLog;
import io.deeppersona.core.eventlog.ColumnarEventLog;
import io.deeppersona.spi.FittedPreprocessor;
import io.deeppersona.spi.PreprocessResult;
import io.deeppersona.spi.Preprocessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drops or fills events with missing fields, per field policy. Stateless; immutable and thread-safe.
 *
 * <p>Drop reasons are {@code "missing-customer"}, {@code "missing-quantity"}, {@code "missing-value"} and
 * {@code "missing-attribute-<name>"}, checked in that order (attributes in option order); a row counts under the
 * first. Fills are not drops: {@link #apply} reports only drops, so rows in = rows out + dropped holds, and
 * {@link #applyWithFills} also returns how many of the kept rows were filled, per field.
 *
 * <p>An attribute named in the options but absent from the log is missing on every row: {@code "drop"} drops all
 * rows and {@code "fill:<text>"} adds the column filled with the text.
 */
public final class MissingValues implements Preprocessor, FittedPreprocessor {
    static final String MISSING_CUSTOMER = "missing-customer";
    static final String MISSING_QUANTITY = "missing-quantity";
    static final String MISSING_VALUE = "missing-value";
    static final String MISSING_ATTRIBUTE_PREFIX = "missing-attribute-";

    private final MissingValuesOptions options;
    private final FieldPolicy customer;
    private final FieldPolicy quantity;
    private final FieldPolicy value;
    private final Map<String, FieldPolicy> attributes;

    public MissingValues(MissingValuesOptions options) {
        this.options = requireNonNull(options, "options is null");
        this.customer = FieldPolicy.parse(options.customer(), "customer");
        this.quantity = FieldPolicy.parseNumeric(options.quantity(), "quantity");
        this.value = FieldPolicy.parseNumeric(options.value(), "value");
        Map<String, FieldPolicy> parsed = new LinkedHashMap<>();
        options.attributes().forEach((name, policy) -> parsed.put(name, FieldPolicy.parse(policy, "attributes." + name)));
        this.attributes = parsed;
    }

    @Override
    public String name() {
        return MissingValuesProvider.NAME;
    }

    @Override
    public FittedPreprocessor fit(EventLog training) {
        return this;
    }

    @Override
    public PreprocessResult apply(EventLog events) {
        return applyWithFills(events).result();
    }

    /** Like {@link #apply}, and also counts the fills. */
    public MissingValuesResult applyWithFills(EventLog events) {
        PreprocessResult dropped = drop(events);
        Map<String, Long> filled = new LinkedHashMap<>();
        EventLog out = fill(dropped.events(), filled);
        return new MissingValuesResult(new PreprocessResult(out, dropped.dropped()), filled);
    }

    private PreprocessResult drop(EventLog events) {
        List<String> reasons = new ArrayList<>();
        if (customer.action() == FieldPolicy.Action.DROP) {
            reasons.add(MISSING_CUSTOMER);
        }
        if (quantity.action() == FieldPolicy.Action.DROP) {
            reasons.add(MISSING_QUANTITY);
        }
        if (value.action() == FieldPolicy.Action.DROP) {
            reasons.add(MISSING_VALUE);
        }
        List<Integer> attributeColumns = new ArrayList<>();
        List<String> attributeReasons = new ArrayList<>();
        attributes.forEach((name, policy) -> {
            if (policy.action() == FieldPolicy.Action.DROP) {
                reasons.add(MISSING_ATTRIBUTE_PREFIX + name);
                attributeColumns.add(events.attributeColumn(name));
                attributeReasons.add(MISSING_ATTRIBUTE_PREFIX + name);
            }
        });
        RowDrops drops = new RowDrops(events, reasons);
        if (reasons.isEmpty()) {
            return drops.result();
        }
        for (int row = 0; row < events.size(); row++) {
            if (customer.action() == FieldPolicy.Action.DROP && events.customer(row) < 0) {
                drops.drop(row, MISSING_CUSTOMER);
            } else if (quantity.action() == FieldPolicy.Action.DROP && Float.isNaN(events.quantity(row))) {
                drops.drop(row, MISSING_QUANTITY);
            } else if (value.action() == FieldPolicy.Action.DROP && Float.isNaN(events.value(row))) {
                drops.drop(row, MISSING_VALUE);
            } else {
                for (int i = 0; i < attributeColumns.size(); i++) {
                    int column = attributeColumns.get(i);
                    if (column < 0 || events.attribute(row, column) == null) {
                        drops.drop(row, attributeReasons.get(i));
                        break;
                    }
                }
            }
        }
        return drops.result();
    }

    private EventLog fill(EventLog events, Map<String, Long> filled) {
        boolean fillsNumbers = quantity.action() == FieldPolicy.Action.FILL || value.action() == FieldPolicy.Action.FILL;
        boolean fillsAttributes = attributes.values().stream().anyMatch(p -> p.action() == FieldPolicy.Action.FILL);
        if (!fillsNumbers && !fillsAttributes) {
            return events;
        }
        ColumnarEventLog log = ColumnarEventLog.copyOf(events);
        if (fillsNumbers) {
            float[] quantities = new float[log.size()];
            float[] values = new float[log.size()];
            long quantityFills = 0;
            long valueFills = 0;
            float quantityFill = quantity.action() == FieldPolicy.Action.FILL ? quantity.fillNumber("quantity") : 0;
            float valueFill = value.action() == FieldPolicy.Action.FILL ? value.fillNumber("value") : 0;
            for (int row = 0; row < log.size(); row++) {
                quantities[row] = log.quantity(row);
                values[row] = log.value(row);
                if (quantity.action() == FieldPolicy.Action.FILL && Float.isNaN(quantities[row])) {
                    quantities[row] = quantityFill;
                    quantityFills++;
                }
                if (value.action() == FieldPolicy.Action.FILL && Float.isNaN(values[row])) {
                    values[row] = valueFill;
                    valueFills++;
                }
            }
            if (quantity.action() == FieldPolicy.Action.FILL) {
                filled.put("quantity", quantityFills);
            }
            if (value.action() == FieldPolicy.Action.FILL) {
                filled.put("value", valueFills);
            }
            log = log.withQuantitiesAndValues(quantities, values);
        }
        for (Map.Entry<String, FieldPolicy> entry : attributes.entrySet()) {
            if (entry.getValue().action() == FieldPolicy.Action.FILL) {
                log = fillAttribute(log, entry.getKey(), entry.getValue().fill(), filled);
            }
        }
        return log;
    }

    private static ColumnarEventLog fillAttribute(ColumnarEventLog log, String name, String fill,
            Map<String, Long> filled) {
        int column = log.attributeColumn(name);
        String[] values = new String[log.size()];
        long fills = 0;
        for (int row = 0; row < values.length; row++) {
            values[row] = column < 0 ? null : log.attribute(row, column);
            if (values[row] == null) {
                values[row] = fill;
                fills++;
            }
        }
        filled.put(name, fills);
        return fills == 0 ? log : log.withAttribute(name, values);
    }

    /** Returns the options this step was made with. */
    public MissingValuesOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return "MissingValues[customer=" + customer + ", quantity=" + quantity + ", value=" + value
                + ", attributes=" + attributes + "]";
    }
}
