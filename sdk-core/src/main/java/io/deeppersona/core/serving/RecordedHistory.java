package io.deeppersona.core.serving;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One customer's events recorded since the version was trained: a ring of the last items, the items bought
 * (bounded, oldest forgotten first) and the last segment seen. Thread-safe; every method locks the instance,
 * which only calls for this one customer contend on.
 */
final class RecordedHistory {
    private final String[] ring;
    private final int maxPurchases;
    private final Set<String> purchased = new LinkedHashSet<>();
    private int next;
    private int size;
    private String segment;
    volatile long lastUsed;

    RecordedHistory(int length, int maxPurchases) {
        this.ring = new String[length];
        this.maxPurchases = maxPurchases;
    }

    synchronized void add(String itemId, boolean purchase, String newSegment) {
        ring[next] = itemId;
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
        if (purchase) {
            purchased.remove(itemId);
            purchased.add(itemId);
            if (purchased.size() > maxPurchases) {
                Iterator<String> oldest = purchased.iterator();
                oldest.next();
                oldest.remove();
            }
        }
        if (newSegment != null) {
            segment = newSegment;
        }
    }

    /** Returns the recorded items, oldest first. */
    synchronized List<String> items() {
        List<String> items = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            items.add(ring[Math.floorMod(next - size + i, ring.length)]);
        }
        return items;
    }

    synchronized Set<String> purchased() {
        return Set.copyOf(purchased);
    }

    synchronized String segment() {
        return segment;
    }

    /** A consistent copy of the three parts. */
    synchronized Snapshot snapshot() {
        return new Snapshot(items(), purchased(), segment);
    }

    record Snapshot(List<String> items, Set<String> purchased, String segment) {
        static final Snapshot EMPTY = new Snapshot(List.of(), Set.of(), null);
    }
}
