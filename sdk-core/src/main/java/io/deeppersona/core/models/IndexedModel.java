package io.deeppersona.core.models;

import io.deeppersona.spi.Model;
import java.util.BitSet;
import java.util.List;

/**
 * A model that also ranks by item <em>index</em>, for callers that can translate their item ids once (the serving
 * runtime does it when it loads a version) instead of hashing every history item and exclusion on every request.
 *
 * <p>{@link #rankIndexed} gives exactly what {@link #recommend} gives for the same customer: the same items in the
 * same order with the same scores. The built-in models answer {@code recommend} through it.
 */
public interface IndexedModel extends Model {

    /** The model's items; an item's position is its index. Immutable. */
    List<String> indexedItems();

    /**
     * The best {@code limit} items, best first.
     *
     * @param history the customer's distinct known items as indices, ascending (the order scores are summed in)
     * @param excluded indices the answer must not contain; not modified
     * @param limit how many items at most, &gt;= 1
     */
    RankedIndices rankIndexed(int[] history, BitSet excluded, int limit);
}
