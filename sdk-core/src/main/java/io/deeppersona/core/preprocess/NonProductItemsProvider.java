package io.deeppersona.core.preprocess;

import io.deeppersona.spi.Preprocessor;
import io.deeppersona.spi.PreprocessorProvider;
import io.deeppersona.spi.ProviderContext;
import java.util.Map;

/** Makes {@link NonProductItems} steps; options are {@link NonProductItemsOptions}. */
public final class NonProductItemsProvider implements PreprocessorProvider {
    public static final String NAME = "non-product-items";

    public NonProductItemsProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Preprocessor create(Map<String, Object> options, ProviderContext context) {
        return new NonProductItems(context.bindOptions(options, NonProductItemsOptions.class));
    }
}
