package io.deeppersona.core.preprocess;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.EventLog;
import io.deeppersona.spi.FittedPreprocessor;
import io.deeppersona.spi.PreprocessResult;
import io.deeppersona.spi.Preprocessor;
import java.util.Set;

/**
 * Removes attribute columns that hold personal data, so they reach neither features nor artifacts. Drops no rows;
 * column names absent from the log are ignored. Stateless; immutable and thread-safe.
 */
public final class DropPersonalColumns implements Preprocessor, FittedPreprocessor {
    private final DropPersonalColumnsOptions options;
    private final Set<String> columns;

    public DropPersonalColumns(DropPersonalColumnsOptions options) {
        this.options = requireNonNull(options, "options is null");
        this.columns = Set.copyOf(options.columns());
    }

    @Override
    public String name() {
        return DropPersonalColumnsProvider.NAME;
    }

    @Override
    public FittedPreprocessor fit(EventLog training) {
        return this;
    }

    @Override
    public PreprocessResult apply(EventLog events) {
        boolean any = events.attributeNames().stream().anyMatch(columns::contains);
        return PreprocessResult.unchanged(any ? events.withoutAttributes(columns) : events);
    }

    /** Returns the options this step was made with. */
    public DropPersonalColumnsOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return "DropPersonalColumns" + options.columns();
    }
}
