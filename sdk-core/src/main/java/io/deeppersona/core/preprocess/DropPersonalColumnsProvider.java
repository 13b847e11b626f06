package io.deeppersona.core.preprocess;

import io.deeppersona.spi.Preprocessor;
import io.deeppersona.spi.PreprocessorProvider;
import io.deeppersona.spi.ProviderContext;
import java.util.Map;

/** Makes {@link DropPersonalColumns} steps; options are {@link DropPersonalColumnsOptions}. */
public final class DropPersonalColumnsProvider implements PreprocessorProvider {
    public static final String NAME = "drop-personal-columns";

    public DropPersonalColumnsProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Preprocessor create(Map<String, Object> options, ProviderContext context) {
        return new DropPersonalColumns(context.bindOptions(options, DropPersonalColumnsOptions.class));
    }
}
