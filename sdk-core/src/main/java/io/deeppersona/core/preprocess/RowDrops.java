package io.deeppersona.core.preprocess;

import io.deeppersona.api.EventLog;
import io.deeppersona.spi.PreprocessResult;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records which rows a filtering step drops and why. A row keeps the first reason it is dropped for, so a step
 * that checks its reasons in priority order counts each row once and rows in = rows out + sum of counts.
 * Single-threaded: one instance per {@code apply} call.
 */
final class RowDrops {
    private final EventLog log;
    private final BitSet keep;
    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private long total;

    /** Starts with every row kept; each declared reason is reported, with 0 when nothing was dropped for it. */
    RowDrops(EventLog log, List<String> reasons) {
        this.log = log;
        this.keep = new BitSet(log.size());
        keep.set(0, log.size());
        for (String reason : reasons) {
            counts.put(reason, new long[1]);
        }
    }

    /** Drops {@code row} for {@code reason} unless it was already dropped for an earlier one. */
    void drop(int row, String reason) {
        if (keep.get(row)) {
            keep.clear(row);
            counts.computeIfAbsent(reason, r -> new long[1])[0]++;
            total++;
        }
    }

    boolean isKept(int row) {
        return keep.get(row);
    }

    /** Returns the filtered log (the input itself when nothing was dropped) and the counts. */
    PreprocessResult result() {
        Map<String, Long> dropped = new LinkedHashMap<>();
        counts.forEach((reason, count) -> dropped.put(reason, count[0]));
        return new PreprocessResult(total == 0 ? log : log.filter(keep), dropped);
    }
}
