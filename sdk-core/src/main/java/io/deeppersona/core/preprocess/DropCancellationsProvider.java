package io.deeppersona.core.preprocess;

import io.deeppersona.spi.Preprocessor;
import io.deeppersona.spi.PreprocessorProvider;
import io.deeppersona.spi.ProviderContext;
import java.util.Map;

/** Makes {@link DropCancellations} steps; options are {@link DropCancellationsOptions}. */
public final class DropCancellationsProvider implements PreprocessorProvider {
    public static final String NAME = "drop-cancellations";

    public DropCancellationsProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Preprocessor create(Map<String, Object> options, ProviderContext context) {
        return new DropCancellations(context.bindOptions(options, DropCancellationsOptions.class));
    }
}
