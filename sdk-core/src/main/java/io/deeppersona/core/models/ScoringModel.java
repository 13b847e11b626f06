package io.deeppersona.core.models;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.ModelInfo;
import io.deeppersona.api.Recommendation;
import io.deeppersona.api.RecommendationQuery;
import io.deeppersona.api.error.PredictionException;
import io.deeppersona.spi.Model;
import io.deeppersona.core.internal.TopIndices;
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
 * <p>Immutable apart from the closed flag; {@link #rankIndexed} allocates its own score array, so concurrent calls
 * are safe. {@link #recommend} translates ids to indices and answers through {@link #rankIndexed}, so both give the
 * same ranking.
 */
abstract class ScoringModel implements IndexedModel {
    private final ModelInfo info;
    private final List<String> itemIds;
    private final Map<String, Integer> itemIndex;
    private final int[] popularity;
    private final double[] popularityScores;
    /** Every item by popularity, then index: the cold-start answer is a walk down it, not a selection. */
    private final int[] byPopularity;
    private final AtomicBoolean closed = new AtomicBoolean();

    ScoringModel(ModelInfo info, String[] itemIds, int[] popularity) {
        this.info = requireNonNull(info, "info is null");
        this.itemIds = List.of(itemIds);
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
        this.popularityScores = new double[popularity.length];
        for (int item = 0; item < popularity.length; item++) {
            popularityScores[item] = popularity[item];
        }
        this.byPopularity = TopIndices.select(popularityScores, new BitSet(), itemIds.length);
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public List<Recommendation> recommend(RecommendationQuery query) {
        requireNonNull(query, "query is null");
        ensureOpen();
        BitSet excluded = new BitSet(itemIds.size());
        for (String itemId : query.excludedItems()) {
            Integer item = itemIndex.get(itemId);
            if (item != null) {
                excluded.set(item);
            }
        }
        return rankIndexed(knownDistinctItems(query.history()), excluded, query.limit()).toRecommendations(itemIds);
    }

    @Override
    public List<String> indexedItems() {
        return itemIds;
    }

    @Override
    public RankedIndices rankIndexed(int[] history, BitSet excluded, int limit) {
        ensureOpen();
        if (history.length == 0 || ignoresHistory()) {
            return popularRanking(excluded, limit);
        }
        double[] scores = scores(history);
        return RankedIndices.of(TopIndices.select(scores, excluded, limit), scores);
    }

    /** Scores every item for a non-empty history of distinct indices, ascending. */
    abstract double[] scores(int[] history);

    /** True for a model whose scores do not depend on the history (popularity): it always walks the ranking. */
    boolean ignoresHistory() {
        return false;
    }

    /** The same as selecting from the popularity scores (ties to the lower index), without scanning every item. */
    private RankedIndices popularRanking(BitSet excluded, int limit) {
        int[] top = new int[Math.min(limit, byPopularity.length)];
        int size = 0;
        for (int p = 0; p < byPopularity.length && size < top.length; p++) {
            if (!excluded.get(byPopularity[p])) {
                top[size++] = byPopularity[p];
            }
        }
        return RankedIndices.of(size == top.length ? top : Arrays.copyOf(top, size), popularityScores);
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new PredictionException("model '" + info.provider() + "' is closed; load it again to recommend");
        }
    }

    @Override
    public void close() {
        closed.set(true);
    }

    int itemCount() {
        return itemIds.size();
    }

    String[] itemIds() {
        return itemIds.toArray(String[]::new);
    }

    int[] popularity() {
        return popularity;
    }

    private int[] knownDistinctItems(List<String> history) {
        BitSet items = new BitSet(itemIds.size());
        for (String itemId : history) {
            Integer item = itemIndex.get(itemId);
            if (item != null) {
                items.set(item);
            }
        }
        return items.stream().toArray();
    }
}
