package io.deeppersona.spi;

import java.util.Map;

/**
 * Makes preprocessing steps of one kind. Cheap to construct, stateless, thread-safe.
 *
 * @since 0.1
 */
public interface PreprocessorProvider {
    /** Stable lower-kebab id, e.g. {@code "dedupe-events"}. */
    String name();

    /** @throws io.deeppersona.api.error.ConfigurationException on unknown or invalid options */
    Preprocessor create(Map<String, Object> options, ProviderContext context);
}
