package io.deeppersona.core.internal;

import java.util.BitSet;

/**
 * Selects the indices of the best scores: higher score first, equal scores by lower index. A bounded heap, so a
 * catalogue of n items costs O(n log k) rather than a full sort. Shared by every model's {@code recommend}.
 */
public final class TopIndices {
    private TopIndices() {
    }

    /** The at most {@code limit} best indices of {@code scores} not in {@code excluded}, best first. */
    public static int[] select(double[] scores, BitSet excluded, int limit) {
        int capacity = Math.min(limit, scores.length);
        // A heap whose root is the worst of the kept items, so each candidate costs one comparison when it loses.
        int[] heap = new int[capacity];
        int size = 0;
        for (int item = 0; item < scores.length; item++) {
            if (excluded.get(item)) {
                continue;
            }
            if (size < capacity) {
                heap[size] = item;
                siftUp(heap, size++, scores);
            } else if (capacity > 0 && better(item, heap[0], scores)) {
                heap[0] = item;
                siftDown(heap, size, scores);
            }
        }
        int[] ranked = new int[size];
        for (int position = size - 1; position >= 0; position--) {
            ranked[position] = heap[0];
            heap[0] = heap[position];
            siftDown(heap, position, scores);
        }
        return ranked;
    }

    private static boolean better(int a, int b, double[] scores) {
        return scores[a] > scores[b] || (scores[a] == scores[b] && a < b);
    }

    private static void siftUp(int[] heap, int position, double[] scores) {
        int item = heap[position];
        while (position > 0) {
            int parent = (position - 1) >>> 1;
            if (!better(heap[parent], item, scores)) {
                break;
            }
            heap[position] = heap[parent];
            position = parent;
        }
        heap[position] = item;
    }

    private static void siftDown(int[] heap, int size, double[] scores) {
        if (size == 0) {
            return;
        }
        int item = heap[0];
        int position = 0;
        while (true) {
            int child = 2 * position + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && better(heap[child], heap[child + 1], scores)) {
                child++;
            }
            if (!better(item, heap[child], scores)) {
                break;
            }
            heap[position] = heap[child];
            position = child;
        }
        heap[position] = item;
    }
}
