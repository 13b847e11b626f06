package io.deeppersona.api;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Features of many customers under one schema: one {@link FeatureVector} per customer. Immutable.
 *
 * @since 0.1
 */
public final class FeatureTable {
    private final FeatureSchema schema;
    private final List<FeatureVector> rows;
    private final Map<String, Integer> rowByCustomer;

    private FeatureTable(FeatureSchema schema, List<FeatureVector> rows) {
        this.schema = requireNonNull(schema, "schema is null");
        this.rows = List.copyOf(requireNonNull(rows, "rows is null"));
        this.rowByCustomer = new HashMap<>(this.rows.size() * 2);
        for (int row = 0; row < this.rows.size(); row++) {
            FeatureVector vector = this.rows.get(row);
            checkMatches(schema, vector);
            if (rowByCustomer.put(vector.customerId(), row) != null) {
                throw new IllegalArgumentException("feature table has two rows for one customer (row " + row + ")");
            }
        }
    }

    /**
     * Returns a table of {@code rows}, each of which must hold exactly the schema's fields with their widths.
     *
     * @throws IllegalArgumentException on a missing, extra or mis-sized field, or a customer twice
     */
    public static FeatureTable of(FeatureSchema schema, List<FeatureVector> rows) {
        return new FeatureTable(schema, rows);
    }

    public static FeatureTable empty() {
        return new FeatureTable(FeatureSchema.empty(), List.of());
    }

    public FeatureSchema schema() {
        return schema;
    }

    public int size() {
        return rows.size();
    }

    public FeatureVector row(int row) {
        return rows.get(row);
    }

    public List<FeatureVector> rows() {
        return rows;
    }

    /** Returns the features of {@code customerId}, if the table has a row for them. */
    public Optional<FeatureVector> get(String customerId) {
        Integer row = rowByCustomer.get(customerId);
        return row == null ? Optional.empty() : Optional.of(rows.get(row));
    }

    /**
     * Returns a table with the fields of both, for the customers that both have (in this table's order).
     * An empty-schema table is the identity.
     *
     * @throws IllegalArgumentException if both have a field of one name
     */
    public FeatureTable join(FeatureTable other) {
        if (schema.fields().isEmpty()) {
            return other;
        }
        if (other.schema.fields().isEmpty()) {
            return this;
        }
        FeatureSchema joined = schema.plus(other.schema);
        List<FeatureVector> joinedRows = new ArrayList<>(rows.size());
        for (FeatureVector left : rows) {
            Integer otherRow = other.rowByCustomer.get(left.customerId());
            if (otherRow == null) {
                continue;
            }
            FeatureVector right = other.rows.get(otherRow);
            Map<String, float[]> numeric = new LinkedHashMap<>(left.numeric());
            numeric.putAll(right.numeric());
            Map<String, List<String>> sequences = new LinkedHashMap<>(left.sequences());
            sequences.putAll(right.sequences());
            joinedRows.add(new FeatureVector(left.customerId(), numeric, sequences));
        }
        return new FeatureTable(joined, joinedRows);
    }

    private static void checkMatches(FeatureSchema schema, FeatureVector vector) {
        int numericCount = 0;
        int sequenceCount = 0;
        for (FeatureField field : schema.fields()) {
            if (field.kind() == FeatureKind.NUMERIC) {
                float[] values = vector.numeric().get(field.name());
                if (values == null || values.length != field.width()) {
                    throw new IllegalArgumentException("feature '" + field.name() + "' needs " + field.width()
                            + " values, got " + (values == null ? "none" : values.length));
                }
                numericCount++;
            } else {
                List<String> items = vector.sequences().get(field.name());
                if (items == null || items.size() > field.shape().get(0)) {
                    throw new IllegalArgumentException("item sequence '" + field.name() + "' needs at most "
                            + field.shape().get(0) + " items, got " + (items == null ? "none" : items.size()));
                }
                sequenceCount++;
            }
        }
        if (numericCount != vector.numeric().size() || sequenceCount != vector.sequences().size()) {
            throw new IllegalArgumentException("feature vector has fields outside the schema: "
                    + vector.numeric().keySet() + " " + vector.sequences().keySet() + " vs " + schema);
        }
    }
}
