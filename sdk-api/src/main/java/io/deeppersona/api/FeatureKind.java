package io.deeppersona.api;

/**
 * How the values of a {@link FeatureField} are stored in a {@link FeatureVector}.
 *
 * @since 0.1
 */
public enum FeatureKind {
    /** Floats, flattened row-major from the field's shape: a scalar, a vector, or a tensor. */
    NUMERIC,
    /** Item ids, oldest first, at most {@code shape[0]} of them (fewer when the customer has less history). */
    ITEM_SEQUENCE
}
