package io.deeppersona.core.eventlog;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.CustomerEvent;
import io.deeppersona.api.EventLogBuilder;
import io.deeppersona.api.EventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link ColumnarEventLog} from events in any order. Single-threaded and single-use.
 *
 * <p>Columns grow by doubling while events arrive; {@link #build()} sorts once and copies into exact-size arrays,
 * so the finished log retains no slack.
 */
public final class ColumnarEventLogBuilder implements EventLogBuilder {
    private static final int MAX_EVENT_TYPES = 127;

    private final Dictionary customers = new Dictionary();
    private final Dictionary items = new Dictionary();
    private final List<EventType> types = new ArrayList<>();
    private final Map<EventType, Integer> typeCodes = new HashMap<>();
    private final List<String> attributeNames = new ArrayList<>();
    private final Map<String, Integer> attributeColumns = new HashMap<>();
    private final List<Dictionary> attributeValues = new ArrayList<>();
    private final List<int[]> attributeCodes = new ArrayList<>();

    private int size;
    private int[] customer = new int[1024];
    private int[] item = new int[1024];
    private byte[] type = new byte[1024];
    private long[] time = new long[1024];
    private float[] quantity = new float[1024];
    private float[] value = new float[1024];
    private boolean built;

    ColumnarEventLogBuilder() {
    }

    @Override
    public ColumnarEventLogBuilder add(CustomerEvent event) {
        requireNonNull(event, "event is null");
        add(event.customerId(), event.itemId(), event.type(), event.timestamp().toEpochMilli(),
                (float) event.quantity(), (float) event.value());
        int row = size - 1;
        event.attributes().forEach((name, attributeValue) -> {
            int column = attributeColumn(name);
            attributeCodes.get(column)[row] = attributeValues.get(column).encode(attributeValue);
        });
        return this;
    }

    @Override
    public ColumnarEventLogBuilder add(String customerId, String itemId, EventType eventType, long timestampMillis,
            float eventQuantity, float eventValue) {
        if (built) {
            throw new IllegalStateException("builder was already built; create a new one");
        }
        requireNonNull(itemId, "itemId is null");
        requireNonNull(eventType, "eventType is null");
        ensureCapacity(size + 1);
        customer[size] = customerId == null ? ColumnarEventLog.MISSING : customers.encode(customerId);
        item[size] = items.encode(itemId);
        type[size] = (byte) typeCode(eventType);
        time[size] = timestampMillis;
        quantity[size] = eventQuantity;
        value[size] = eventValue;
        for (int[] codes : attributeCodes) {
            codes[size] = ColumnarEventLog.MISSING;
        }
        size++;
        return this;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public ColumnarEventLog build() {
        if (built) {
            throw new IllegalStateException("builder was already built; create a new one");
        }
        built = true;
        int[] rows = RowOrder.sortedRows(Arrays.copyOf(customer, size), customers.size(), time, item,
                items.sortRanks());
        int[] sortedCustomer = new int[size];
        int[] sortedItem = new int[size];
        byte[] sortedType = new byte[size];
        long[] sortedTime = new long[size];
        float[] sortedQuantity = new float[size];
        float[] sortedValue = new float[size];
        for (int i = 0; i < size; i++) {
            int row = rows[i];
            sortedCustomer[i] = customer[row];
            sortedItem[i] = item[row];
            sortedType[i] = type[row];
            sortedTime[i] = time[row];
            sortedQuantity[i] = quantity[row];
            sortedValue[i] = value[row];
        }
        int[][] sortedCodes = new int[attributeCodes.size()][];
        for (int column = 0; column < sortedCodes.length; column++) {
            int[] codes = attributeCodes.get(column);
            int[] sorted = new int[size];
            for (int i = 0; i < size; i++) {
                sorted[i] = codes[rows[i]];
            }
            sortedCodes[column] = sorted;
        }
        // Release the growable columns before the caller keeps the log: peak memory is the build, not the result.
        customer = null;
        item = null;
        type = null;
        time = null;
        quantity = null;
        value = null;
        attributeCodes.clear();
        return new ColumnarEventLog(customers, items, types, sortedCustomer, sortedItem, sortedType, sortedTime,
                sortedQuantity, sortedValue, attributeNames, attributeValues.toArray(Dictionary[]::new), sortedCodes);
    }

    private int typeCode(EventType eventType) {
        Integer code = typeCodes.get(eventType);
        if (code != null) {
            return code;
        }
        if (types.size() == MAX_EVENT_TYPES) {
            throw new IllegalArgumentException("an event log holds at most " + MAX_EVENT_TYPES
                    + " event types; '" + eventType + "' would be one more");
        }
        types.add(eventType);
        typeCodes.put(eventType, types.size() - 1);
        return types.size() - 1;
    }

    private int attributeColumn(String name) {
        Integer column = attributeColumns.get(name);
        if (column != null) {
            return column;
        }
        int[] codes = new int[customer.length];
        Arrays.fill(codes, ColumnarEventLog.MISSING);
        attributeNames.add(name);
        attributeValues.add(new Dictionary());
        attributeCodes.add(codes);
        attributeColumns.put(name, attributeNames.size() - 1);
        return attributeNames.size() - 1;
    }

    private void ensureCapacity(int needed) {
        if (needed <= customer.length) {
            return;
        }
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, customer.length * 2L));
        customer = Arrays.copyOf(customer, capacity);
        item = Arrays.copyOf(item, capacity);
        type = Arrays.copyOf(type, capacity);
        time = Arrays.copyOf(time, capacity);
        quantity = Arrays.copyOf(quantity, capacity);
        value = Arrays.copyOf(value, capacity);
        for (int column = 0; column < attributeCodes.size(); column++) {
            attributeCodes.set(column, Arrays.copyOf(attributeCodes.get(column), capacity));
        }
    }
}
