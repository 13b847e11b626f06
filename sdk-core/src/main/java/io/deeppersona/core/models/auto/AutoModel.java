package io.deeppersona.core.models.auto;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.ModelInfo;
import io.deeppersona.api.Recommendation;
import io.deeppersona.api.RecommendationQuery;
import io.deeppersona.api.artifact.ArtifactWriter;
import io.deeppersona.api.error.ArtifactException;
import io.deeppersona.api.error.PredictionException;
import io.deeppersona.core.SdkJson;
import io.deeppersona.core.models.IndexedModel;
import io.deeppersona.core.models.RankedIndices;
import io.deeppersona.spi.Model;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An {@code auto} model: one chosen component, answered as that component answers, or a weighted blend of several
 * (see {@link Blender}). Immutable apart from the closed flag; closing closes every component.
 *
 * <p>When every component is an {@link IndexedModel}, the model has one item space of its own (every component's
 * items, in order of first appearance) and translation tables to each component's, built once: requests then pass
 * indices, not ids, to the components and into the blend. Otherwise (e.g. the trainer's replayed validation lists)
 * the components' answers are merged by id; both routes blend with the same code.
 */
final class AutoModel implements IndexedModel {
    private final ModelInfo info;
    private final List<Component> components;
    private final double[] weights;
    private final Normalisation normalisation;
    private final int blendDepth;
    /** The model's own item space and the tables into and out of each component's; null unless all are indexed. */
    private final List<String> items;
    private final Map<String, Integer> itemIndex;
    private final int[][] toComponent;
    private final int[][] fromComponent;
    private final AtomicBoolean closed = new AtomicBoolean();

    AutoModel(ModelInfo info, List<Component> components, Normalisation normalisation, int blendDepth) {
        this.info = requireNonNull(info, "info is null");
        this.components = List.copyOf(components);
        if (this.components.isEmpty()) {
            throw new IllegalArgumentException("an auto model needs at least one component");
        }
        this.weights = this.components.stream().mapToDouble(Component::weight).toArray();
        this.normalisation = requireNonNull(normalisation, "normalisation is null");
        this.blendDepth = blendDepth;
        if (this.components.stream().allMatch(component -> component.model() instanceof IndexedModel)) {
            List<String> union = new ArrayList<>();
            Map<String, Integer> index = new HashMap<>();
            fromComponent = new int[this.components.size()][];
            for (int c = 0; c < fromComponent.length; c++) {
                List<String> own = ((IndexedModel) this.components.get(c).model()).indexedItems();
                fromComponent[c] = new int[own.size()];
                for (int item = 0; item < own.size(); item++) {
                    fromComponent[c][item] = index.computeIfAbsent(own.get(item), id -> {
                        union.add(id);
                        return union.size() - 1;
                    });
                }
            }
            toComponent = new int[fromComponent.length][union.size()];
            for (int c = 0; c < fromComponent.length; c++) {
                Arrays.fill(toComponent[c], -1);
                for (int item = 0; item < fromComponent[c].length; item++) {
                    toComponent[c][fromComponent[c][item]] = item;
                }
            }
            items = List.copyOf(union);
            itemIndex = index;
        } else {
            items = null;
            itemIndex = null;
            toComponent = null;
            fromComponent = null;
        }
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    List<Component> components() {
        return components;
    }

    @Override
    public List<Recommendation> recommend(RecommendationQuery query) {
        requireNonNull(query, "query is null");
        ensureOpen();
        if (components.size() == 1) {
            return components.get(0).recommend(query);
        }
        if (items != null) {
            BitSet history = new BitSet(items.size());
            for (String itemId : query.history()) {
                Integer item = itemIndex.get(itemId);
                if (item != null) {
                    history.set(item);
                }
            }
            BitSet excluded = new BitSet(items.size());
            for (String itemId : query.excludedItems()) {
                Integer item = itemIndex.get(itemId);
                if (item != null) {
                    excluded.set(item);
                }
            }
            return rankIndexed(history.stream().toArray(), excluded, query.limit()).toRecommendations(items);
        }
        return blendById(query);
    }

    /**
     * {@inheritDoc}
     *
     * @throws UnsupportedOperationException if a component is not an {@link IndexedModel} (then
     *         {@link #indexedItems()} is empty)
     */
    @Override
    public RankedIndices rankIndexed(int[] history, BitSet excluded, int limit) {
        ensureOpen();
        if (items == null) {
            throw new UnsupportedOperationException("this auto model has a component without item indices");
        }
        if (components.size() == 1) {
            return toOwnItems(0, rankComponent(0, history, excluded, limit));
        }
        int depth = Math.max(blendDepth, limit);
        int[][] ranked = new int[components.size()][];
        double[][] scores = new double[components.size()][];
        for (int c = 0; c < ranked.length; c++) {
            RankedIndices answer = toOwnItems(c, rankComponent(c, history, excluded, depth));
            ranked[c] = answer.items();
            scores[c] = answer.scores();
        }
        return Blender.blend(ranked, scores, weights, normalisation, depth, limit, items.size());
    }

    /** The model's items when every component is indexed, else an empty list. */
    @Override
    public List<String> indexedItems() {
        return items == null ? List.of() : items;
    }

    private RankedIndices rankComponent(int c, int[] history, BitSet excluded, int limit) {
        int[] table = toComponent[c];
        int[] own = new int[history.length];
        int known = 0;
        for (int item : history) {
            if (table[item] >= 0) {
                own[known++] = table[item];
            }
        }
        own = Arrays.copyOf(own, known);
        // Each component sums its history in its own ascending index order, as it does when asked by id.
        Arrays.sort(own);
        BitSet ownExcluded = new BitSet(fromComponent[c].length);
        for (int item = excluded.nextSetBit(0); item >= 0 && item < table.length; item = excluded.nextSetBit(item + 1)) {
            if (table[item] >= 0) {
                ownExcluded.set(table[item]);
            }
        }
        Component component = components.get(c);
        IndexedModel model = (IndexedModel) component.model();
        if (component.concurrent()) {
            return model.rankIndexed(own, ownExcluded, limit);
        }
        synchronized (model) {
            return model.rankIndexed(own, ownExcluded, limit);
        }
    }

    private RankedIndices toOwnItems(int c, RankedIndices answer) {
        int[] mapped = new int[answer.size()];
        for (int i = 0; i < mapped.length; i++) {
            mapped[i] = fromComponent[c][answer.items()[i]];
        }
        return new RankedIndices(mapped, answer.scores());
    }

    /** The blend for components without indices: their answers get ids of this query's own numbering. */
    private List<Recommendation> blendById(RecommendationQuery query) {
        int depth = Math.max(blendDepth, query.limit());
        RecommendationQuery deep = new RecommendationQuery(query.customerId(), query.history(), depth,
                query.excludedItems());
        List<String> seen = new ArrayList<>();
        Map<String, Integer> numbers = new HashMap<>();
        int[][] ranked = new int[components.size()][];
        double[][] scores = new double[components.size()][];
        for (int c = 0; c < ranked.length; c++) {
            List<Recommendation> answer = components.get(c).recommend(deep);
            ranked[c] = new int[answer.size()];
            scores[c] = new double[answer.size()];
            for (int rank = 0; rank < answer.size(); rank++) {
                ranked[c][rank] = numbers.computeIfAbsent(answer.get(rank).itemId(), id -> {
                    seen.add(id);
                    return seen.size() - 1;
                });
                scores[c][rank] = answer.get(rank).score();
            }
        }
        return Blender.blend(ranked, scores, weights, normalisation, depth, query.limit(), seen.size())
                .toRecommendations(seen);
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new PredictionException("model 'auto' is closed; load it again to recommend");
        }
    }

    @Override
    public void save(ArtifactWriter payload) {
        requireNonNull(payload, "payload is null");
        List<AutoPayload.Entry> entries = new ArrayList<>();
        for (Component component : components) {
            component.model().save(PrefixedArtifacts.writer(payload, AutoPayload.prefix(component.name())));
            entries.add(new AutoPayload.Entry(component.name(), component.provider(),
                    component.model().info().payloadVersion(),
                    component.weight()));
        }
        AutoPayload record = new AutoPayload(entries, normalisation.label(), blendDepth, info.hyperparameters(),
                info.validationScores());
        try {
            payload.write(AutoPayload.FILE, SdkJson.json().writeValueAsBytes(record));
        } catch (IOException e) {
            throw new ArtifactException("cannot write the auto model's '" + AutoPayload.FILE + "'", e);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            for (Component component : components) {
                component.model().close();
            }
        }
    }
}
