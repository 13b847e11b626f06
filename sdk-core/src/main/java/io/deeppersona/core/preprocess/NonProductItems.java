package io.deeppersona.core.preprocess;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.EventLog;
import io.deeppersona.spi.FittedPreprocessor;
import io.deeppersona.spi.PreprocessResult;
import io.deeppersona.spi.Preprocessor;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Drops events on items that are not products (postage, fees, vouchers), by id pattern. Reason
 * {@code "non-product-item"}.
 *
 * <p>The patterns are matched once per item of the log's dictionary, the first time a row refers to it, never once
 * per row. Stateless; immutable and thread-safe.
 */
public final class NonProductItems implements Preprocessor, FittedPreprocessor {
    static final String NON_PRODUCT_ITEM = "non-product-item";
    private static final byte UNKNOWN = 0;
    private static final byte PRODUCT = 1;
    private static final byte NON_PRODUCT = 2;

    private final NonProductItemsOptions options;
    private final List<Pattern> patterns;

    public NonProductItems(NonProductItemsOptions options) {
        this.options = requireNonNull(options, "options is null");
        // Compiled one by one rather than joined into an alternation, so back-references keep their numbers.
        this.patterns = options.patterns().stream().map(Pattern::compile).toList();
    }

    @Override
    public String name() {
        return NonProductItemsProvider.NAME;
    }

    @Override
    public FittedPreprocessor fit(EventLog training) {
        return this;
    }

    @Override
    public PreprocessResult apply(EventLog events) {
        RowDrops drops = new RowDrops(events, List.of(NON_PRODUCT_ITEM));
        byte[] kind = new byte[events.itemCount()];
        for (int row = 0; row < events.size(); row++) {
            int item = events.item(row);
            if (kind[item] == UNKNOWN) {
                kind[item] = isNonProduct(events.itemId(item)) ? NON_PRODUCT : PRODUCT;
            }
            if (kind[item] == NON_PRODUCT) {
                drops.drop(row, NON_PRODUCT_ITEM);
            }
        }
        return drops.result();
    }

    private boolean isNonProduct(String itemId) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(itemId).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Returns the options this step was made with. */
    public NonProductItemsOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return "NonProductItems" + options.patterns();
    }
}
