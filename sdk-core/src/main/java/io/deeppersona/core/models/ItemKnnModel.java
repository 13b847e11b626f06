package io.deeppersona.core.models;

import io.deeppersona.api.ModelInfo;
import io.deeppersona.api.artifact.ArtifactReader;
import io.deeppersona.api.artifact.ArtifactWriter;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * Item-based nearest neighbours over the binary customer x item matrix with cosine similarity.
 *
 * <p>Each item i keeps its {@code neighbours} most similar other items N(i) (ties by item order, zero similarities
 * dropped). A customer with distinct history H scores {@code score(i) = sum of sim(j, i) over j in H and N(i)}:
 * the neighbour lists are pruned per <em>target</em> item (per column of the similarity matrix), as in Dacrema et
 * al.'s ItemKNNCF. Pruning per history item instead scores markedly worse on the reference data (see
 * docs/evaluation.md).
 */
final class ItemKnnModel extends ScoringModel {
    /** Neighbours of target item i are neighbour[start[i] .. start[i+1]) with similarity similarity[..]. */
    private final int[] start;
    private final int[] neighbour;
    private final float[] similarity;
    /** The same lists inverted, by history item j: the targets i with j in N(i); what scoring walks. */
    private final int[] outStart;
    private final int[] outTarget;
    private final float[] outSimilarity;

    ItemKnnModel(String[] itemIds, int[] popularity, int neighbours, int[] start, int[] neighbour,
            float[] similarity) {
        super(new ModelInfo(ItemKnnModelProvider.NAME, ItemKnnModelProvider.PAYLOAD_VERSION,
                Map.of("neighbours", neighbours), Map.of()), itemIds, popularity);
        this.start = start;
        this.neighbour = neighbour;
        this.similarity = similarity;
        int items = itemIds.length;
        outStart = new int[items + 1];
        for (int j : neighbour) {
            outStart[j + 1]++;
        }
        for (int j = 0; j < items; j++) {
            outStart[j + 1] += outStart[j];
        }
        int[] next = Arrays.copyOf(outStart, items);
        outTarget = new int[neighbour.length];
        outSimilarity = new float[neighbour.length];
        for (int i = 0; i < items; i++) {
            for (int p = start[i]; p < start[i + 1]; p++) {
                int slot = next[neighbour[p]]++;
                outTarget[slot] = i;
                outSimilarity[slot] = similarity[p];
            }
        }
    }

    static ItemKnnModel train(Interactions interactions, int neighbours) {
        int items = interactions.itemCount();
        int[] degree = interactions.customersPerItem();
        // Item -> customer rows, to count co-occurrences of one item with all others in one pass.
        int[] itemRowStart = new int[items + 1];
        for (int p = 0; p < interactions.positions(); p++) {
            itemRowStart[interactions.itemAt(p) + 1]++;
        }
        for (int i = 0; i < items; i++) {
            itemRowStart[i + 1] += itemRowStart[i];
        }
        int[] itemRows = new int[itemRowStart[items]];
        int[] fill = Arrays.copyOf(itemRowStart, items);
        for (int row = 0; row < interactions.rowCount(); row++) {
            for (int p = interactions.rowStart(row); p < interactions.rowEnd(row); p++) {
                itemRows[fill[interactions.itemAt(p)]++] = row;
            }
        }
        int[] start = new int[items + 1];
        int[] neighbour = new int[Math.max(16, items)];
        float[] similarity = new float[neighbour.length];
        int[] cooccurrence = new int[items];
        int[] touched = new int[items];
        double[] candidateSimilarity = new double[items];
        int kept = 0;
        for (int i = 0; i < items; i++) {
            int touchedCount = 0;
            for (int r = itemRowStart[i]; r < itemRowStart[i + 1]; r++) {
                int row = itemRows[r];
                for (int p = interactions.rowStart(row); p < interactions.rowEnd(row); p++) {
                    int j = interactions.itemAt(p);
                    if (j != i && cooccurrence[j]++ == 0) {
                        touched[touchedCount++] = j;
                    }
                }
            }
            for (int t = 0; t < touchedCount; t++) {
                int j = touched[t];
                candidateSimilarity[j] = cooccurrence[j] / Math.sqrt((double) degree[i] * degree[j]);
            }
            int[] best = bestNeighbours(touched, touchedCount, candidateSimilarity, neighbours);
            if (kept + best.length > neighbour.length) {
                int capacity = (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(kept + (long) best.length,
                        2L * neighbour.length));
                neighbour = Arrays.copyOf(neighbour, capacity);
                similarity = Arrays.copyOf(similarity, capacity);
            }
            for (int j : best) {
                neighbour[kept] = j;
                similarity[kept] = (float) candidateSimilarity[j];
                kept++;
            }
            start[i + 1] = kept;
            for (int t = 0; t < touchedCount; t++) {
                cooccurrence[touched[t]] = 0;
            }
        }
        return new ItemKnnModel(interactions.itemIds(), degree, neighbours, start, Arrays.copyOf(neighbour, kept),
                Arrays.copyOf(similarity, kept));
    }

    /** Returns up to {@code limit} candidates, best first: higher similarity, then lower item index. */
    private static int[] bestNeighbours(int[] candidates, int count, double[] similarity, int limit) {
        Integer[] boxed = new Integer[count];
        for (int t = 0; t < count; t++) {
            boxed[t] = candidates[t];
        }
        Arrays.sort(boxed, (a, b) -> {
            int bySimilarity = Double.compare(similarity[b], similarity[a]);
            return bySimilarity != 0 ? bySimilarity : Integer.compare(a, b);
        });
        int kept = Math.min(limit, count);
        int[] best = new int[kept];
        for (int t = 0; t < kept; t++) {
            best[t] = boxed[t];
        }
        return best;
    }

    @Override
    double[] scores(int[] history) {
        double[] scores = new double[itemCount()];
        for (int j : history) {
            for (int p = outStart[j]; p < outStart[j + 1]; p++) {
                scores[outTarget[p]] += outSimilarity[p];
            }
        }
        return scores;
    }

    @Override
    public void save(ArtifactWriter payload) {
        ModelPayload.write(payload, ItemKnnModelProvider.NAME, ItemKnnModelProvider.PAYLOAD_VERSION, itemIds(),
                popularity(), out -> {
                    out.writeInt((Integer) info().hyperparameters().get("neighbours"));
                    out.writeInt(neighbour.length);
                    for (int i = 0; i < itemCount(); i++) {
                        out.writeInt(start[i + 1] - start[i]);
                    }
                    for (int p = 0; p < neighbour.length; p++) {
                        out.writeInt(neighbour[p]);
                        out.writeFloat(similarity[p]);
                    }
                });
    }

    static ItemKnnModel load(ArtifactReader reader) {
        return ModelPayload.read(reader, ItemKnnModelProvider.NAME, ItemKnnModel::readSection);
    }

    private static ItemKnnModel readSection(DataInputStream in, String[] itemIds, int[] popularity)
            throws IOException {
        String provider = ItemKnnModelProvider.NAME;
        int items = itemIds.length;
        int neighbours = ModelPayload.count(in, provider, "neighbours", Integer.MAX_VALUE);
        if (neighbours < 1) {
            throw ModelPayload.corrupt(provider, "neighbours must be >= 1, got " + neighbours);
        }
        int total = ModelPayload.count(in, provider, "neighbour count",
                (int) Math.min(Integer.MAX_VALUE - 8L, (long) items * Math.min(neighbours, items)));
        int[] start = new int[items + 1];
        for (int i = 0; i < items; i++) {
            start[i + 1] = start[i] + ModelPayload.count(in, provider, "neighbours of item " + i,
                    Math.min(neighbours, Math.max(items - 1, 0)));
        }
        if (start[items] != total) {
            throw ModelPayload.corrupt(provider, "neighbour lists hold " + start[items] + " entries, header says "
                    + total);
        }
        int[] neighbour = new int[total];
        float[] similarity = new float[total];
        for (int p = 0; p < total; p++) {
            neighbour[p] = ModelPayload.count(in, provider, "neighbour item", items - 1);
            similarity[p] = in.readFloat();
            if (!Float.isFinite(similarity[p])) {
                throw ModelPayload.corrupt(provider, "similarity " + similarity[p] + " is not finite");
            }
        }
        return new ItemKnnModel(itemIds, popularity, neighbours, start, neighbour, similarity);
    }
}
