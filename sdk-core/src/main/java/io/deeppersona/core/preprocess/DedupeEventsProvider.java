package io.deeppersona.core.preprocess;

import io.deeppersona.spi.Preprocessor;
import io.deeppersona.spi.PreprocessorProvider;
import io.deeppersona.spi.ProviderContext;
import java.util.Map;

/** Makes {@link DedupeEvents} steps; options are {@link DedupeEventsOptions}. */
public final class DedupeEventsProvider implements PreprocessorProvider {
    public static final String NAME = "dedupe-events";

    public DedupeEventsProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Preprocessor create(Map<String, Object> options, ProviderContext context) {
        return new DedupeEvents(context.bindOptions(options, DedupeEventsOptions.class));
    }
}
