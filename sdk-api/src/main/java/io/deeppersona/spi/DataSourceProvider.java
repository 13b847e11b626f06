package io.deeppersona.spi;

import java.util.Map;

/**
 * Makes data sources of one kind. Cheap to construct, stateless, thread-safe; ServiceLoader needs a public
 * no-argument constructor that does no work.
 *
 * @since 0.1
 */
public interface DataSourceProvider {
    /** Stable lower-kebab id used in configs, e.g. {@code "csv"}. */
    String name();

    /**
     * Creates a source from options such as {@code path} and column mappings.
     *
     * @throws io.deeppersona.api.error.ConfigurationException on unknown or invalid options
     */
    DataSource create(Map<String, Object> options, ProviderContext context);
}
