package io.deeppersona.core.eventlog;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The SDK's {@link EventLog}: primitive columns, dictionary-encoded ids, rows sorted by customer and time.
 *
 * <p>A row costs 25 bytes (customer and item as {@code int}, type as {@code byte}, time as {@code long}, quantity
 * and value as {@code float}) plus 4 bytes per attribute column; dictionaries are shared by derived logs.
 * Quantities and values are {@code float}: seven significant digits hold every price and count of a shop, and
 * halve the memory of {@code double}.
 */
public final class ColumnarEventLog implements EventLog {
    static final int MISSING = -1;

    private final Dictionary customers;
    private final Dictionary items;
    private final List<EventType> types;
    private final int[] customer;
    private final int[] item;
    private final byte[] type;
    private final long[] time;
    private final float[] quantity;
    private final float[] value;
    private final List<String> attributeNames;
    private final Dictionary[] attributeValues;
    private final int[][] attributeCodes;
    /** Rows of customer c are [offsets[c], offsets[c + 1]); rows without a customer follow offsets[customerCount]. */
    private final int[] offsets;

    ColumnarEventLog(Dictionary customers, Dictionary items, List<EventType> types, int[] customer, int[] item,
            byte[] type, long[] time, float[] quantity, float[] value, List<String> attributeNames,
            Dictionary[] attributeValues, int[][] attributeCodes) {
        this.customers = customers;
        this.items = items;
        this.types = List.copyOf(types);
        this.customer = customer;
        this.item = item;
        this.type = type;
        this.time = time;
        this.quantity = quantity;
        this.value = value;
        this.attributeNames = List.copyOf(attributeNames);
        this.attributeValues = attributeValues;
        this.attributeCodes = attributeCodes;
        this.offsets = offsets(customer, customers.size());
    }

    /** Returns a builder for a new log with fresh dictionaries. */
    public static ColumnarEventLogBuilder builder() {
        return new ColumnarEventLogBuilder();
    }

    /** Returns {@code log} itself if it is columnar, otherwise a columnar copy of it. */
    public static ColumnarEventLog copyOf(EventLog log) {
        if (log instanceof ColumnarEventLog columnar) {
            return columnar;
        }
        ColumnarEventLogBuilder builder = builder();
        for (int row = 0; row < log.size(); row++) {
            builder.add(log.event(row));
        }
        return builder.build();
    }

    private static int[] offsets(int[] customer, int customerCount) {
        int[] offsets = new int[customerCount + 1];
        int row = 0;
        for (int c = 0; c < customerCount; c++) {
            offsets[c] = row;
            while (row < customer.length && customer[row] == c) {
                row++;
            }
        }
        offsets[customerCount] = row;
        for (int rest = row; rest < customer.length; rest++) {
            if (customer[rest] != MISSING) {
                throw new IllegalStateException("rows are not sorted by customer at row " + rest);
            }
        }
        return offsets;
    }

    @Override
    public int size() {
        return customer.length;
    }

    @Override
    public int customerCount() {
        return customers.size();
    }

    @Override
    public int itemCount() {
        return items.size();
    }

    @Override
    public String customerId(int customerIndex) {
        return customers.value(customerIndex);
    }

    @Override
    public int customerIndex(String customerId) {
        return customers.code(requireNonNull(customerId, "customerId is null"));
    }

    @Override
    public String itemId(int itemIndex) {
        return items.value(itemIndex);
    }

    @Override
    public int itemIndex(String itemId) {
        return items.code(requireNonNull(itemId, "itemId is null"));
    }

    @Override
    public List<EventType> eventTypes() {
        return types;
    }

    @Override
    public int customer(int row) {
        return customer[row];
    }

    @Override
    public int item(int row) {
        return item[row];
    }

    @Override
    public int eventType(int row) {
        return type[row];
    }

    @Override
    public long timestampMillis(int row) {
        return time[row];
    }

    @Override
    public float quantity(int row) {
        return quantity[row];
    }

    @Override
    public float value(int row) {
        return value[row];
    }

    @Override
    public List<String> attributeNames() {
        return attributeNames;
    }

    @Override
    public String attribute(int row, int column) {
        int code = attributeCodes[column][row];
        return code == MISSING ? null : attributeValues[column].value(code);
    }

    @Override
    public int customerRowsStart(int customerIndex) {
        return offsets[customerIndex];
    }

    @Override
    public int customerRowsEnd(int customerIndex) {
        return offsets[customerIndex + 1];
    }

    /** Returns the first row whose customer is missing; equal to {@link #size()} when every row has one. */
    public int missingCustomerRowsStart() {
        return offsets[customers.size()];
    }

    @Override
    public ColumnarEventLog filter(BitSet keep) {
        requireNonNull(keep, "keep is null");
        int kept = keep.cardinality();
        if (keep.length() > size()) {
            throw new IllegalArgumentException("keep has bits beyond the last row " + (size() - 1));
        }
        int[] rows = new int[kept];
        int next = 0;
        for (int row = keep.nextSetBit(0); row >= 0; row = keep.nextSetBit(row + 1)) {
            rows[next++] = row;
        }
        return gather(rows, customer, customers);
    }

    @Override
    public ColumnarEventLog mapCustomerIds(UnaryOperator<String> mapping) {
        requireNonNull(mapping, "mapping is null");
        Dictionary mapped = new Dictionary();
        int[] recode = new int[customers.size()];
        for (int c = 0; c < customers.size(); c++) {
            String id = requireNonNull(mapping.apply(customers.value(c)), "mapping returned null");
            recode[c] = mapped.encode(id);
        }
        int[] newCustomer = new int[size()];
        for (int row = 0; row < size(); row++) {
            newCustomer[row] = customer[row] == MISSING ? MISSING : recode[customer[row]];
        }
        int[] rows = RowOrder.sortedRows(newCustomer, mapped.size(), time, item, items.sortRanks());
        return gather(rows, newCustomer, mapped);
    }

    @Override
    public ColumnarEventLog withoutAttributes(Set<String> names) {
        requireNonNull(names, "names is null");
        List<String> keptNames = new ArrayList<>();
        List<Dictionary> keptValues = new ArrayList<>();
        List<int[]> keptCodes = new ArrayList<>();
        for (int column = 0; column < attributeNames.size(); column++) {
            if (!names.contains(attributeNames.get(column))) {
                keptNames.add(attributeNames.get(column));
                keptValues.add(attributeValues[column]);
                keptCodes.add(attributeCodes[column]);
            }
        }
        return new ColumnarEventLog(customers, items, types, customer, item, type, time, quantity, value, keptNames,
                keptValues.toArray(Dictionary[]::new), keptCodes.toArray(int[][]::new));
    }

    /**
     * Returns a log with the same rows and new quantity and value columns; used by preprocessors that fill missing
     * values. The arrays are taken over, not copied.
     */
    public ColumnarEventLog withQuantitiesAndValues(float[] newQuantity, float[] newValue) {
        if (newQuantity.length != size() || newValue.length != size()) {
            throw new IllegalArgumentException("columns need " + size() + " rows, got " + newQuantity.length
                    + " and " + newValue.length);
        }
        return new ColumnarEventLog(customers, items, types, customer, item, type, time, newQuantity, newValue,
                attributeNames, attributeValues, attributeCodes);
    }

    /**
     * Returns a log with the same rows and attribute column {@code name} set to {@code perRowValues} ({@code null}
     * entries mean missing): the column is replaced if present, appended otherwise. Used by preprocessors that
     * derive a column (sessions) or fill missing attributes. The array is read, not kept.
     *
     * @throws IllegalArgumentException if {@code perRowValues} does not have one entry per row
     */
    public ColumnarEventLog withAttribute(String name, String[] perRowValues) {
        requireNonNull(name, "name is null");
        requireNonNull(perRowValues, "perRowValues is null");
        if (perRowValues.length != size()) {
            throw new IllegalArgumentException("attribute '" + name + "' needs " + size() + " values, got "
                    + perRowValues.length);
        }
        Dictionary dictionary = new Dictionary();
        int[] codes = new int[perRowValues.length];
        for (int row = 0; row < codes.length; row++) {
            codes[row] = perRowValues[row] == null ? MISSING : dictionary.encode(perRowValues[row]);
        }
        List<String> names = new ArrayList<>(attributeNames);
        List<Dictionary> values = new ArrayList<>(Arrays.asList(attributeValues));
        List<int[]> allCodes = new ArrayList<>(Arrays.asList(attributeCodes));
        int column = names.indexOf(name);
        if (column < 0) {
            names.add(name);
            values.add(dictionary);
            allCodes.add(codes);
        } else {
            values.set(column, dictionary);
            allCodes.set(column, codes);
        }
        return new ColumnarEventLog(customers, items, types, customer, item, type, time, quantity, value, names,
                values.toArray(Dictionary[]::new), allCodes.toArray(int[][]::new));
    }

    /** Returns the largest timestamp, or {@link Long#MIN_VALUE} when the log is empty. */
    public long maxTimestampMillis() {
        long max = Long.MIN_VALUE;
        for (long t : time) {
            max = Math.max(max, t);
        }
        return max;
    }

    @Override
    public long estimatedBytes() {
        long rows = size();
        long bytes = rows * (4 + 4 + 1 + 8 + 4 + 4) + 4L * offsets.length;
        bytes += customers.estimatedBytes() + items.estimatedBytes();
        for (int column = 0; column < attributeCodes.length; column++) {
            bytes += 4 * rows + attributeValues[column].estimatedBytes();
        }
        return bytes;
    }

    private ColumnarEventLog gather(int[] rows, int[] customerColumn, Dictionary customerDictionary) {
        int n = rows.length;
        int[] newCustomer = new int[n];
        int[] newItem = new int[n];
        byte[] newType = new byte[n];
        long[] newTime = new long[n];
        float[] newQuantity = new float[n];
        float[] newValue = new float[n];
        int[][] newCodes = new int[attributeCodes.length][n];
        for (int i = 0; i < n; i++) {
            int row = rows[i];
            newCustomer[i] = customerColumn[row];
            newItem[i] = item[row];
            newType[i] = type[row];
            newTime[i] = time[row];
            newQuantity[i] = quantity[row];
            newValue[i] = value[row];
            for (int column = 0; column < attributeCodes.length; column++) {
                newCodes[column][i] = attributeCodes[column][row];
            }
        }
        return new ColumnarEventLog(customerDictionary, items, types, newCustomer, newItem, newType, newTime,
                newQuantity, newValue, attributeNames, attributeValues, newCodes);
    }

    @Override
    public String toString() {
        return "ColumnarEventLog[rows=" + size() + ", customers=" + customers.size() + ", items=" + items.size()
                + ", types=" + types + ", attributes=" + attributeNames + "]";
    }

    @Override
    public boolean equals(Object o) {
        // Identity: two logs with equal rows may still differ in dictionaries; tests compare rows explicitly.
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    int[] customerColumnForTest() {
        return Arrays.copyOf(customer, customer.length);
    }
}
