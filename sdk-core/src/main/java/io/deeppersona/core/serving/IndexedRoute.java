package io.deeppersona.core.serving;

import io.deeppersona.core.models.IndexedModel;
import io.deeppersona.core.models.RankedIndices;
import io.deeppersona.spi.Model;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The way to ask an {@link IndexedModel} by catalogue index: translation tables between the version's catalogue and
 * the model's items, built once when the version loads, so a request hashes no item id on its way to the model.
 * Gives exactly the ranking that asking by id gives (the model's contract).
 */
final class IndexedRoute {
    private final IndexedModel model;
    private final List<String> modelItems;
    private final int[] toModel;
    private final int[] toCatalogue;

    private IndexedRoute(IndexedModel model, List<String> modelItems, int[] toModel, int[] toCatalogue) {
        this.model = model;
        this.modelItems = modelItems;
        this.toModel = toModel;
        this.toCatalogue = toCatalogue;
    }

    /**
     * The route to {@code model}, or null when it must be asked by id: it has no indices, or it knows an item the
     * catalogue does not (then a recorded id outside the catalogue could matter to it).
     */
    static IndexedRoute of(Model model, ServingBundle catalogue) {
        if (!(model instanceof IndexedModel indexed) || indexed.indexedItems().isEmpty()) {
            return null;
        }
        List<String> items = indexed.indexedItems();
        int[] toCatalogue = new int[items.size()];
        int[] toModel = new int[catalogue.itemCount()];
        Arrays.fill(toModel, -1);
        for (int item = 0; item < toCatalogue.length; item++) {
            toCatalogue[item] = catalogue.itemIndex(items.get(item));
            if (toCatalogue[item] < 0) {
                return null;
            }
            toModel[toCatalogue[item]] = item;
        }
        return new IndexedRoute(indexed, items, toModel, toCatalogue);
    }

    /**
     * @param known the customer's items (catalogue indices)
     * @param excluded catalogue indices the model must skip
     */
    RankedCandidates rank(BitSet known, BitSet excluded, int limit) {
        int[] history = new int[known.cardinality()];
        int size = 0;
        for (int item = known.nextSetBit(0); item >= 0; item = known.nextSetBit(item + 1)) {
            if (toModel[item] >= 0) {
                history[size++] = toModel[item];
            }
        }
        history = Arrays.copyOf(history, size);
        Arrays.sort(history);
        BitSet modelExcluded = new BitSet(toCatalogue.length);
        for (int item = excluded.nextSetBit(0); item >= 0; item = excluded.nextSetBit(item + 1)) {
            if (toModel[item] >= 0) {
                modelExcluded.set(toModel[item]);
            }
        }
        RankedIndices ranked = model.rankIndexed(history, modelExcluded, limit);
        String[] ids = new String[ranked.size()];
        int[] items = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = modelItems.get(ranked.items()[i]);
            items[i] = toCatalogue[ranked.items()[i]];
        }
        return new RankedCandidates(ids, items, ranked.scores());
    }
}
