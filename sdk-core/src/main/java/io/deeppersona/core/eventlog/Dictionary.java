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
     * Returns each code's position in the sorted order of the values. Sorting rows by this rank instead of by code
     * makes the row order independent of the order in which ids were first seen.
     */
    int[] sortRanks() {
        Integer[] codesByValue = new Integer[values.size()];
        for (int code = 0; code < codesByValue.length; code++) {
            codesByValue[code] = code;
        }
        java.util.Arrays.sort(codesByValue, (a, b) -> values.get(a).compareTo(values.get(b)));
        int[] ranks = new int[codesByValue.length];
        for (int rank = 0; rank < codesByValue.length; rank++) {
            ranks[codesByValue[rank]] = rank;
        }
        return ranks;
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
