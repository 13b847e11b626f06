package io.deeppersona.core.source;

import io.deeppersona.spi.DataSource;
import io.deeppersona.spi.DataSourceProvider;
import io.deeppersona.spi.ProviderContext;
import java.util.Map;

/**
 * Makes {@link JsonLinesDataSource}s. Options: those of {@link JsonLinesOptions} ({@code path} required) and of
 * {@link ColumnMapping}, whose column names are JSON field names here.
 *
 * @since 0.1
 */
public final class JsonLinesDataSourceProvider implements DataSourceProvider {
    public static final String NAME = "json-lines";

    public JsonLinesDataSourceProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DataSource create(Map<String, Object> options, ProviderContext context) {
        MappedOptions<JsonLinesOptions> bound = MappedOptions.bind(options, JsonLinesOptions.class, context);
        return new JsonLinesDataSource(bound.source(), bound.mapping());
    }
}
