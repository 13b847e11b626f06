package io.deeppersona.core.eventlog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps strings to dense ints and back. Grows while a log is built and is shared, never modified, afterwards;
 * logs derived by filtering share their parent's dictionaries.
 */
final class Dictionary {
    private final Map<String, Integer> codes;
    private final List<String> values;

    Dictionary() {
        this.codes = new HashMap<>();
        this.values = new ArrayList<>();
    }

    /** Returns the code of {@code value}, adding it if new. Only for builders. */
    int encode(String value) {
        Integer code = codes.get(value);
        if (code != null) {
            return code;
        }
        int next = values.size();
        codes.put(value, next);
        values.add(value);
        return next;
    }

    /** Returns the code of {@code value}, or -1. */
    int code(String value) {
        Integer code = codes.get(value);
        return code == null ? -1 : code;
    }

    /**
     * Returns each code's rank in a canonical order of the values: by a mixed hash of the value, then by the value.
     * Breaking ties between rows by this rank makes the row order independent of the order in which ids were
     * first seen. A hash rather than the id's own order, because ids are often not arbitrary (UCI Online Retail's
     * stock codes group product families), and the per-customer split cuts equal-time baskets by row order: id
     * order would put whole product families into the test part.
     */
    int[] sortRanks() {
        Integer[] codesInOrder = new Integer[values.size()];
        int[] mixed = new int[values.size()];
        for (int code = 0; code < codesInOrder.length; code++) {
            codesInOrder[code] = code;
            mixed[code] = mix(values.get(code).hashCode());
        }
        java.util.Arrays.sort(codesInOrder, (a, b) -> {
            int byHash = Integer.compare(mixed[a], mixed[b]);
            return byHash != 0 ? byHash : values.get(a).compareTo(values.get(b));
        });
        int[] ranks = new int[codesInOrder.length];
        for (int rank = 0; rank < codesInOrder.length; rank++) {
            ranks[codesInOrder[rank]] = rank;
        }
        return ranks;
    }

    /** MurmurHash3's finaliser: spreads String.hashCode (specified, so stable across JVMs) over all 32 bits. */
    private static int mix(int hash) {
        int h = hash;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    String value(int code) {
        return values.get(code);
    }

    int size() {
        return values.size();
    }

    /**
     * Rough retained size: each entry costs a hash-map node (~48 bytes with the boxed code) and list slot, plus the
     * string (~48 bytes of header and array, plus one byte per Latin-1 character).
     */
    long estimatedBytes() {
        long bytes = 64L * values.size();
        for (String value : values) {
            bytes += 48 + value.length();
        }
        return bytes;
    }
}
