package io.deeppersona.core.source;

import io.deeppersona.spi.DataSource;
import io.deeppersona.spi.DataSourceProvider;
import io.deeppersona.spi.ProviderContext;
import java.util.Map;

/**
 * Makes {@link JdbcDataSource}s. Options: those of {@link JdbcOptions} ({@code url} and one of {@code query} or
 * {@code table} required; {@code password} is sensitive, see {@link JdbcOptions#SENSITIVE}) and of
 * {@link ColumnMapping}, whose column names are column labels.
 *
 * @since 0.1
 */
public final class JdbcDataSourceProvider implements DataSourceProvider {
    public static final String NAME = "jdbc";

    public JdbcDataSourceProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DataSource create(Map<String, Object> options, ProviderContext context) {
        MappedOptions<JdbcOptions> bound = MappedOptions.bind(options, JdbcOptions.class, context);
        return new JdbcDataSource(bound.source(), bound.mapping());
    }
}
