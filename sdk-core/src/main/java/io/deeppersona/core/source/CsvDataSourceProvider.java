package io.deeppersona.core.source;

import io.deeppersona.spi.DataSource;
import io.deeppersona.spi.DataSourceProvider;
import io.deeppersona.spi.ProviderContext;
import java.util.Map;

/**
 * Makes {@link CsvDataSource}s. Options: those of {@link CsvOptions} ({@code path} required) and of
 * {@link ColumnMapping}.
 *
 * @since 0.1
 */
public final class CsvDataSourceProvider implements DataSourceProvider {
    public static final String NAME = "csv";

    public CsvDataSourceProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DataSource create(Map<String, Object> options, ProviderContext context) {
        MappedOptions<CsvOptions> bound = MappedOptions.bind(options, CsvOptions.class, context);
        return new CsvDataSource(bound.source(), bound.mapping());
    }
}
