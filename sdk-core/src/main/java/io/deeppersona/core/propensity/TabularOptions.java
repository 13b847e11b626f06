package io.deeppersona.core.propensity;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Set;

/**
 * How to read a campaign table into propensity datasets.
 *
 * @param path the CSV file; {@code .gz} is decompressed
 * @param separator the column separator, e.g. {@code ';'} for UCI bank marketing
 * @param labelColumn the outcome column, e.g. {@code "y"}
 * @param positiveValues label values that mean "responded", compared ignoring case; default yes, true, 1
 * @param dropColumns columns to ignore, e.g. {@code duration}, known only after the call
 * @param categoricalColumns columns to treat as categories even if every value is a number (codes)
 * @param bins quantile bins per numeric column, learned on the training rows; default 10
 * @param testFraction share of rows held out, stratified by label; default 0.2
 * @param seed seed of the split
 */
public record TabularOptions(Path path, char separator, String labelColumn, Set<String> positiveValues,
        Set<String> dropColumns, Set<String> categoricalColumns, int bins, double testFraction, long seed) {
    public TabularOptions {
        requireNonNull(path, "path is null");
        requireNonNull(labelColumn, "labelColumn is null");
        positiveValues = positiveValues == null || positiveValues.isEmpty() ? Set.of("yes", "true", "1")
                : lower(positiveValues);
        dropColumns = dropColumns == null ? Set.of() : Set.copyOf(dropColumns);
        categoricalColumns = categoricalColumns == null ? Set.of() : Set.copyOf(categoricalColumns);
        if (bins < 2) {
            throw new IllegalArgumentException("bins must be >= 2, got " + bins);
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
        }
    }

    /** Comma-separated, default positives, no dropped or forced-categorical columns, 10 bins, 20 % test. */
    public static TabularOptions of(Path path, String labelColumn, long seed) {
        return new TabularOptions(path, ',', labelColumn, null, null, null, 10, 0.2, seed);
    }

    public TabularOptions withSeparator(char newSeparator) {
        return new TabularOptions(path, newSeparator, labelColumn, positiveValues, dropColumns, categoricalColumns,
                bins, testFraction, seed);
    }

    public TabularOptions withDropColumns(Set<String> columns) {
        return new TabularOptions(path, separator, labelColumn, positiveValues, columns, categoricalColumns, bins,
                testFraction, seed);
    }

    public TabularOptions withCategoricalColumns(Set<String> columns) {
        return new TabularOptions(path, separator, labelColumn, positiveValues, dropColumns, columns, bins,
                testFraction, seed);
    }

    private static Set<String> lower(Set<String> values) {
        return Set.copyOf(values.stream().map(v -> v.toLowerCase(java.util.Locale.ROOT)).toList());
    }
}
