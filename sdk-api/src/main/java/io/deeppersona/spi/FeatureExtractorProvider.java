package io.deeppersona.spi;

import java.util.Map;

/**
 * Makes feature extractors of one kind. Cheap to construct, stateless, thread-safe.
 *
 * @since 0.1
 */
public interface FeatureExtractorProvider {
    /** Stable lower-kebab id, e.g. {@code "rfm"}. */
    String name();

    /** @throws io.deeppersona.api.error.ConfigurationException on unknown or invalid options */
    FeatureExtractor create(Map<String, Object> options, ProviderContext context);
}
