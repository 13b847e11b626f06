package io.deeppersona.core.preprocess;

import io.deeppersona.spi.Preprocessor;
import io.deeppersona.spi.PreprocessorProvider;
import io.deeppersona.spi.ProviderContext;
import java.util.Map;

/** Makes {@link MinCount} steps; options are {@link MinCountOptions}. */
public final class MinCountProvider implements PreprocessorProvider {
    public static final String NAME = "min-count";

    public MinCountProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Preprocessor create(Map<String, Object> options, ProviderContext context) {
        return new MinCount(context.bindOptions(options, MinCountOptions.class));
    }
}
