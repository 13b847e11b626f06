package io.deeppersona.core.source;

import io.deeppersona.spi.DataSource;
import io.deeppersona.spi.DataSourceProvider;
import io.deeppersona.spi.ProviderContext;
import java.util.Map;

/**
 * Makes {@link InMemoryDataSource}s from records listed in the options, see {@link InMemoryOptions}.
 *
 * @since 0.1
 */
public final class InMemoryDataSourceProvider implements DataSourceProvider {
    public static final String NAME = "in-memory";

    public InMemoryDataSourceProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DataSource create(Map<String, Object> options, ProviderContext context) {
        InMemoryOptions bound = context.bindOptions(options, InMemoryOptions.class);
        return InMemoryDataSource.ofRecords(bound.description(), bound.events());
    }
}
