package io.deeppersona.core.preprocess;

import io.deeppersona.spi.Preprocessor;
import io.deeppersona.spi.PreprocessorProvider;
import io.deeppersona.spi.ProviderContext;
import java.util.Map;

/** Makes {@link TimeWindow} steps; options are {@link TimeWindowOptions}. */
public final class TimeWindowProvider implements PreprocessorProvider {
    public static final String NAME = "time-window";

    public TimeWindowProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Preprocessor create(Map<String, Object> options, ProviderContext context) {
        return new TimeWindow(context.bindOptions(options, TimeWindowOptions.class));
    }
}
