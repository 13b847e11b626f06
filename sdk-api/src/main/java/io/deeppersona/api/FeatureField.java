package io.deeppersona.api;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One named feature and its shape.
 *
 * @param name snake_case name, unique within a schema, e.g. {@code "rfm"} or {@code "behaviour_matrix"}
 * @param kind how values are stored
 * @param shape dimensions; {@code []} for a scalar, {@code [n]} for a vector, {@code [h, w, c]} for a tensor,
 *     {@code [L]} for an item sequence; every dimension is at least 1
 * @param labels optional names of the flattened entries (e.g. category names), empty or exactly
 *     {@link #width()} long
 * @since 0.1
 */
public record FeatureField(String name, FeatureKind kind, List<Integer> shape, List<String> labels) {
    private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    public FeatureField {
        requireNonNull(name, "name is null");
        if (!SNAKE.matcher(name).matches()) {
            throw new IllegalArgumentException("feature name must be snake_case, got '" + name + "'");
        }
        requireNonNull(kind, "kind is null");
        shape = List.copyOf(requireNonNull(shape, "shape is null"));
        for (int dimension : shape) {
            if (dimension < 1) {
                throw new IllegalArgumentException("feature '" + name + "' has a dimension < 1: " + shape);
            }
        }
        if (kind == FeatureKind.ITEM_SEQUENCE && shape.size() != 1) {
            throw new IllegalArgumentException("item sequence '" + name + "' needs shape [L], got " + shape);
        }
        labels = List.copyOf(requireNonNull(labels, "labels is null"));
        if (!labels.isEmpty() && labels.size() != width(shape)) {
            throw new IllegalArgumentException("feature '" + name + "' has " + labels.size() + " labels for "
                    + width(shape) + " values");
        }
    }

    /** A numeric field without labels. */
    public static FeatureField numeric(String name, List<Integer> shape) {
        return new FeatureField(name, FeatureKind.NUMERIC, shape, List.of());
    }

    /** A numeric vector whose entries are named by {@code labels}. */
    public static FeatureField labelledVector(String name, List<String> labels) {
        return new FeatureField(name, FeatureKind.NUMERIC, List.of(labels.size()), labels);
    }

    /** An item sequence of at most {@code length} items. */
    public static FeatureField itemSequence(String name, int length) {
        return new FeatureField(name, FeatureKind.ITEM_SEQUENCE, List.of(length), List.of());
    }

    /** Returns the number of flattened values: the product of the shape (1 for a scalar). */
    public int width() {
        return width(shape);
    }

    private static int width(List<Integer> shape) {
        int width = 1;
        for (int dimension : shape) {
            width = Math.multiplyExact(width, dimension);
        }
        return width;
    }
}
