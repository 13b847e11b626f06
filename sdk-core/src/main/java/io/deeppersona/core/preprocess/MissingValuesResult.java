package io.deeppersona.core.preprocess;

import static java.util.Objects.requireNonNull;

import io.deeppersona.spi.PreprocessResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link MissingValues#applyWithFills} returns: the ordinary result, whose {@code dropped} counts only dropped
 * rows (so rows in = rows out + dropped holds), and apart from it how many kept rows had a field filled.
 *
 * @param result the filtered, filled log and the drop counts
 * @param filled field ({@code "quantity"}, {@code "value"}, or an attribute name) to number of rows filled
 */
public record MissingValuesResult(PreprocessResult result, Map<String, Long> filled) {
    public MissingValuesResult {
        requireNonNull(result, "result is null");
        filled = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(filled, "filled is null")));
    }
}
