package io.deeppersona.api;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One customer's features. The arrays are copied in and must not be modified by readers.
 *
 * @param customerId whose features these are
 * @param numeric values of {@link FeatureKind#NUMERIC} fields, flattened row-major
 * @param sequences values of {@link FeatureKind#ITEM_SEQUENCE} fields, oldest item first
 * @since 0.1
 */
public record FeatureVector(String customerId, Map<String, float[]> numeric, Map<String, List<String>> sequences) {
    public FeatureVector {
        requireNonNull(customerId, "customerId is null");
        Map<String, float[]> numericCopy = new LinkedHashMap<>();
        requireNonNull(numeric, "numeric is null").forEach((name, values) -> {
            float[] copy = values.clone();
            for (float v : copy) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("feature '" + name + "' of customer holds a non-finite value");
                }
            }
            numericCopy.put(name, copy);
        });
        numeric = java.util.Collections.unmodifiableMap(numericCopy);
        Map<String, List<String>> sequencesCopy = new LinkedHashMap<>();
        requireNonNull(sequences, "sequences is null").forEach((name, items) -> sequencesCopy.put(name, List.copyOf(items)));
        sequences = java.util.Collections.unmodifiableMap(sequencesCopy);
    }

    /** Returns numeric field {@code name}. @throws IllegalArgumentException if absent */
    public float[] numeric(String name) {
        float[] values = numeric.get(name);
        if (values == null) {
            throw new IllegalArgumentException("no numeric feature '" + name + "'; present: " + numeric.keySet());
        }
        return values;
    }

    /** Returns item-sequence field {@code name}. @throws IllegalArgumentException if absent */
    public List<String> sequence(String name) {
        List<String> items = sequences.get(name);
        if (items == null) {
            throw new IllegalArgumentException("no item sequence '" + name + "'; present: " + sequences.keySet());
        }
        return items;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FeatureVector other) || !customerId.equals(other.customerId)
                || !sequences.equals(other.sequences) || !numeric.keySet().equals(other.numeric.keySet())) {
            return false;
        }
        return numeric.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), other.numeric.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        int hash = customerId.hashCode() * 31 + sequences.hashCode();
        for (Map.Entry<String, float[]> e : numeric.entrySet()) {
            hash = hash * 31 + e.getKey().hashCode() * 17 + Arrays.hashCode(e.getValue());
        }
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("FeatureVector[customerId=").append(customerId);
        numeric.forEach((name, values) -> text.append(", ").append(name).append('=').append(Arrays.toString(values)));
        sequences.forEach((name, items) -> text.append(", ").append(name).append('=').append(items));
        return text.append(']').toString();
    }
}
