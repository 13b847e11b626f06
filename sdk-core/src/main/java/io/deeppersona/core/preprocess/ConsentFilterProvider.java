package io.deeppersona.core.preprocess;

import io.deeppersona.spi.Preprocessor;
import io.deeppersona.spi.PreprocessorProvider;
import io.deeppersona.spi.ProviderContext;
import java.nio.file.Path;
import java.util.Map;

/**
 * Makes {@link ConsentFilter} steps from a consent file; options are {@link ConsentFilterOptions}. The file is
 * read when the step is created, so a missing or malformed file fails the pipeline build, not a later run.
 */
public final class ConsentFilterProvider implements PreprocessorProvider {
    public static final String NAME = "consent-filter";

    public ConsentFilterProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /** @throws io.deeppersona.api.error.DataSourceException if the consent file cannot be read or is invalid */
    @Override
    public Preprocessor create(Map<String, Object> options, ProviderContext context) {
        ConsentFilterOptions bound = context.bindOptions(options, ConsentFilterOptions.class);
        Map<String, Boolean> decisions = ConsentCsv.read(Path.of(bound.path()), bound.purpose());
        return new ConsentFilter(decisions, bound.purpose(), bound.requireExplicitConsent());
    }
}
