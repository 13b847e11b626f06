package io.deeppersona.core.models;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.ModelInfo;
import io.deeppersona.api.Recommendation;
import io.deeppersona.api.RecommendationQuery;
import io.deeppersona.api.error.PredictionException;
import io.deeppersona.spi.Model;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the baseline models share: the item dictionary, the popularity fallback for customers without known
 * history, exclusion handling and deterministic top-k selection. Subclasses only score a non-empty history.
 *
 * <p>Immutable apart from the closed flag; {@link #recommend} allocates its own score array, so concurrent calls
 * are safe.
 */
abstract class ScoringModel implements Model {
    private final ModelInfo info;
    private final String[] itemIds;
    private final Map<String, Integer> itemIndex;
    private final int[] popularity;
    private final double[] popularityScores;
    private final AtomicBoolean closed = new AtomicBoolean();

    ScoringModel(ModelInfo info, String[] itemIds, int[] popularity) {
        this.info = requireNonNull(info, "info is null");
        this.itemIds = itemIds.clone();
        this.popularity = popularity.clone();
        if (popularity.length != itemIds.length) {
            throw new IllegalArgumentException("popularity has " + popularity.length + " entries for "
                    + itemIds.length + " items");
        }
        this.itemIndex = new HashMap<>(itemIds.length * 2);
        for (int item = 0; item < itemIds.length; item++) {
            if (itemIndex.put(itemIds[item], item) != null) {
                throw new IllegalArgumentException("item '" + itemIds[item] + "' appears twice in the model");
            }
        }
        this.popularityScores = Arrays.stream(popularity).asDoubleStream().toArray();
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public List<Recommendation> recommend(RecommendationQuery query) {
        requireNonNull(query, "query is null");
        if (closed.get()) {
            throw new PredictionException("model '" + info.provider() + "' is closed; load it again to recommend");
        }
        int[] history = knownDistinctItems(query.history());
        double[] scores = history.length == 0 ? popularityScores : scores(history);
        BitSet excluded = new BitSet(itemIds.length);
        for (String itemId : query.excludedItems()) {
            Integer item = itemIndex.get(itemId);
            if (item != null) {
                excluded.set(item);
            }
        }
        return TopItems.select(scores, excluded, query.limit(), itemIds);
    }

    /**
     * Returns a fresh array with one score per model item for a customer with these distinct, known history
     * items (ascending); must not modify shared state.
     */
    abstract double[] scores(int[] history);

    @Override
    public void close() {
        closed.set(true);
    }

    int itemCount() {
        return itemIds.length;
    }

    /** The item ids in model order; subclasses must not modify the array. */
    String[] itemIds() {
        return itemIds;
    }

    /** Distinct training customers per item; subclasses must not modify the array. */
    int[] popularity() {
        return popularity;
    }

    private int[] knownDistinctItems(List<String> history) {
        BitSet items = new BitSet(itemIds.length);
        for (String itemId : history) {
            Integer item = itemIndex.get(itemId);
            if (item != null) {
                items.set(item);
            }
        }
        return items.stream().toArray();
    }
}
