package io.deeppersona.core.serving;

/** Where the items of one response came from: the model, or a step of the cold-start fallback chain. */
public enum RecommendationSource {
    /** The deployed model ranked the catalogue from the customer's history. */
    MODEL,
    /** The customer has no usable history; the most popular items of their segment. */
    SEGMENT_POPULARITY,
    /** No history and no segment; the most popular items overall. */
    GLOBAL_POPULARITY
}
