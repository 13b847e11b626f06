package io.deeppersona.core.preprocess;

import io.deeppersona.spi.Preprocessor;
import io.deeppersona.spi.PreprocessorProvider;
import io.deeppersona.spi.ProviderContext;
import java.util.Map;

/** Makes {@link BotFilter} steps; options are {@link BotFilterOptions}. */
public final class BotFilterProvider implements PreprocessorProvider {
    public static final String NAME = "bot-filter";

    public BotFilterProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Preprocessor create(Map<String, Object> options, ProviderContext context) {
        return new BotFilter(context.bindOptions(options, BotFilterOptions.class));
    }
}
