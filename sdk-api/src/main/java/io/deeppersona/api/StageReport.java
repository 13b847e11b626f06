package io.deeppersona.api;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one pipeline stage did: rows in and out, rows dropped per reason, and how long it took.
 * Invariant: {@code rowsIn == rowsOut + sum(dropped)} for filtering stages.
 *
 * @param stage the stage's name in the pipeline, e.g. {@code "read:csv"} or {@code "dedupe-events"}
 * @param rowsIn rows the stage received (for a data source: records read)
 * @param rowsOut rows it passed on (for a data source: records accepted)
 * @param dropped reason to count, in the order the reasons were first seen
 * @param elapsed wall time spent in the stage
 * @since 0.1
 */
public record StageReport(String stage, long rowsIn, long rowsOut, Map<String, Long> dropped, Duration elapsed) {
    public StageReport {
        requireNonNull(stage, "stage is null");
        if (rowsIn < 0 || rowsOut < 0) {
            throw new IllegalArgumentException("row counts must be >= 0, got in=" + rowsIn + " out=" + rowsOut);
        }
        // LinkedHashMap keeps the order reasons were reported in; the view is unmodifiable.
        dropped = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(dropped, "dropped is null")));
        requireNonNull(elapsed, "elapsed is null");
    }

    /** Returns the total number of rows dropped, over all reasons. */
    public long droppedTotal() {
        return dropped.values().stream().mapToLong(Long::longValue).sum();
    }
}
