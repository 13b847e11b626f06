package io.deeppersona.core.preprocess;

import io.deeppersona.spi.Preprocessor;
import io.deeppersona.spi.PreprocessorProvider;
import io.deeppersona.spi.ProviderContext;
import java.util.Map;

/** Makes {@link Sessionise} steps; options are {@link SessioniseOptions}. */
public final class SessioniseProvider implements PreprocessorProvider {
    public static final String NAME = "sessionise";

    public SessioniseProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Preprocessor create(Map<String, Object> options, ProviderContext context) {
        return new Sessionise(context.bindOptions(options, SessioniseOptions.class));
    }
}
