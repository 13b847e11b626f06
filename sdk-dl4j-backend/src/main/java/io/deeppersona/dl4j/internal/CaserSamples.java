package io.deeppersona.dl4j.internal;

import io.deeppersona.api.EventLog;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training samples cut from each customer's time-ordered history by a sliding window: for every position t >= 1
 * the input is the L items before t's basket (left-padded with item 0) and the targets are the items t..t+T-1 that
 * exist, each weighted 1/count so the target row is a distribution for the softmax cross-entropy.
 *
 * <p>"Before t's basket": events at one instant (one invoice) have no order among themselves, so the input stops at
 * the last event strictly earlier than t. Otherwise most windows would predict an item from its own basket mates, in
 * an order that is an artefact of the log, while at serving time the next basket is always after the whole history.
 *
 * <p>About one sample in {@value #UNKNOWN_EVERY} is attributed to the shared unknown-customer row instead of its
 * customer, so that row learns an average customer rather than staying at its random initialisation.
 */
public final class CaserSamples {
    static final int UNKNOWN_EVERY = 20;

    private final int length;
    private final int targets;
    private final int[] sequences;
    private final int[] customers;
    private final int[] targetItems;
    private final int size;
    /** Every customer's model items in log order, back to back; a sample's history is a range of it. */
    private final int[] histories;
    private final int[] historyStart;
    private final int[] historyEnd;

    private CaserSamples(int length, int targets, int[] sequences, int[] customers, int[] targetItems, int size,
            int[] histories, int[] historyStart, int[] historyEnd) {
        this.length = length;
        this.targets = targets;
        this.sequences = sequences;
        this.customers = customers;
        this.targetItems = targetItems;
        this.size = size;
        this.histories = histories;
        this.historyStart = historyStart;
        this.historyEnd = historyEnd;
    }

    /** Cuts samples from the rows of {@code events} whose items and customers are in the vocabulary. */
    public static CaserSamples of(EventLog events, CaserVocabulary vocabulary, int length, int targets, long seed) {
        return of(events, vocabulary, length, targets, 0, false, seed);
    }

    /**
     * As above, keeping only each customer's latest {@code windowsPerCustomer} windows (0 keeps all); with
     * {@code novelTargets} a target the customer had bought before position t is dropped (and a window left without
     * targets too), matching evaluation that excludes seen items.
     */
    public static CaserSamples of(EventLog events, CaserVocabulary vocabulary, int length, int targets,
            int windowsPerCustomer, boolean novelTargets, long seed) {
        Map<String, Integer> itemIndex = vocabulary.itemIndex();
        Map<String, Integer> customerIndex = vocabulary.customerIndex();
        int[] modelItem = new int[events.itemCount()];
        for (int item = 0; item < events.itemCount(); item++) {
            modelItem[item] = itemIndex.getOrDefault(events.itemId(item), 0);
        }
        int capacity = events.size();
        int[] sequences = new int[capacity * length];
        int[] customers = new int[capacity];
        int[] targetItems = new int[capacity * targets];
        int[] histories = new int[capacity];
        int[] historyStart = new int[capacity];
        int[] historyEnd = new int[capacity];
        int historiesUsed = 0;
        Random random = new Random(seed);
        int size = 0;
        int[] history = new int[0];
        long[] times = new long[0];
        for (int customer = 0; customer < events.customerCount(); customer++) {
            int start = events.customerRowsStart(customer);
            int end = events.customerRowsEnd(customer);
            if (end - start < 2) {
                continue;
            }
            Integer row = customerIndex.get(events.customerId(customer));
            int known = row == null ? 0 : row;
            if (history.length < end - start) {
                history = new int[end - start];
                times = new long[end - start];
            }
            int n = 0;
            for (int r = start; r < end; r++) {
                int item = modelItem[events.item(r)];
                if (item > 0) {
                    times[n] = events.timestampMillis(r);
                    history[n++] = item;
                }
            }
            System.arraycopy(history, 0, histories, historiesUsed, n);
            int first = windowsPerCustomer == 0 ? 1 : Math.max(1, n - windowsPerCustomer);
            java.util.BitSet before = new java.util.BitSet(vocabulary.itemCount());
            for (int t = 0; t < first; t++) {
                before.set(history[t]);
            }
            for (int t = first; t < n; before.set(history[t]), t++) {
                int kept = 0;
                for (int j = 0; j < targets; j++) {
                    int item = t + j < n ? history[t + j] : 0;
                    if (novelTargets && before.get(item)) {
                        item = 0;
                    }
                    targetItems[size * targets + j] = item;
                    kept += item > 0 ? 1 : 0;
                }
                int basketStart = t;
                while (basketStart > 0 && times[basketStart - 1] == times[t]) {
                    basketStart--;
                }
                if (kept == 0 || basketStart == 0) {
                    continue;
                }
                for (int p = 0; p < length; p++) {
                    int source = basketStart - length + p;
                    sequences[size * length + p] = source < 0 ? 0 : history[source];
                }
                customers[size] = random.nextInt(UNKNOWN_EVERY) == 0 ? 0 : known;
                historyStart[size] = historiesUsed;
                historyEnd[size] = historiesUsed + basketStart;
                size++;
            }
            historiesUsed += n;
        }
        return new CaserSamples(length, targets, sequences, customers, targetItems, size, histories, historyStart,
                historyEnd);
    }

    public int size() {
        return size;
    }

    /** The input window of sample {@code i}, oldest first. */
    public int[] sequence(int i) {
        return Arrays.copyOfRange(sequences, i * length, (i + 1) * length);
    }

    public int customer(int i) {
        return customers[i];
    }

    /** The target items of sample {@code i}; 0 marks a target past the end of the history. */
    public int[] targets(int i) {
        return Arrays.copyOfRange(targetItems, i * targets, (i + 1) * targets);
    }

    /**
     * Writes the history input for {@code items[from..to)} into {@code row}: 1/sqrt(n) for each of the n distinct
     * items (so long and short histories have comparable norms), 0 elsewhere; padding item 0 is ignored.
     */
    public static void historyVector(int[] items, int from, int to, float[] row) {
        java.util.Arrays.fill(row, 0f);
        int distinct = 0;
        for (int i = from; i < to; i++) {
            int item = items[i];
            if (item > 0 && row[item] == 0f) {
                row[item] = 1f;
                distinct++;
            }
        }
        if (distinct > 0) {
            float scale = (float) (1 / Math.sqrt(distinct));
            for (int i = from; i < to; i++) {
                if (items[i] > 0) {
                    row[items[i]] = scale;
                }
            }
        }
    }

    /**
     * The samples in {@code order[from..to)} as one minibatch over {@code items} output classes; with
     * {@code historyInput} a third input holds each sample's {@link #historyVector}.
     */
    public MultiDataSet batch(int[] order, int from, int to, int items, boolean historyInput) {
        int count = to - from;
        float[][] seq = new float[count][length];
        float[][] user = new float[count][1];
        float[][] labels = new float[count][items];
        for (int b = 0; b < count; b++) {
            int sample = order[from + b];
            for (int p = 0; p < length; p++) {
                seq[b][p] = sequences[sample * length + p];
            }
            user[b][0] = customers[sample];
            int present = 0;
            for (int j = 0; j < targets; j++) {
                if (targetItems[sample * targets + j] > 0) {
                    present++;
                }
            }
            for (int j = 0; j < targets; j++) {
                int item = targetItems[sample * targets + j];
                if (item > 0) {
                    labels[b][item] += 1f / present;
                }
            }
        }
        INDArray[] features = {Nd4j.create(seq), Nd4j.create(user)};
        if (historyInput) {
            float[][] history = new float[count][items];
            for (int b = 0; b < count; b++) {
                int sample = order[from + b];
                historyVector(histories, historyStart[sample], historyEnd[sample], history[b]);
            }
            features = new INDArray[] {features[0], features[1], Nd4j.create(history)};
        }
        return new MultiDataSet(features, new INDArray[] {Nd4j.create(labels)});
    }

    /** A permutation of the sample indices, the same for one seed. */
    public int[] shuffled(long seed) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
