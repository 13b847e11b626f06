package io.deeppersona.core.preprocess;

import io.deeppersona.spi.Preprocessor;
import io.deeppersona.spi.PreprocessorProvider;
import io.deeppersona.spi.ProviderContext;
import java.util.Map;

/** Makes {@link MissingValues} steps; options are {@link MissingValuesOptions}. */
public final class MissingValuesProvider implements PreprocessorProvider {
    public static final String NAME = "missing-values";

    public MissingValuesProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Preprocessor create(Map<String, Object> options, ProviderContext context) {
        return new MissingValues(context.bindOptions(options, MissingValuesOptions.class));
    }
}
