package io.deeppersona.spi;

import java.util.Map;

/**
 * Makes deployers of one kind. Cheap to construct, stateless, thread-safe.
 *
 * @since 0.1
 */
public interface DeployerProvider {
    /** Stable lower-kebab id, e.g. {@code "file-system"}. */
    String name();

    /** @throws io.deeppersona.api.error.ConfigurationException on unknown or invalid options */
    Deployer create(Map<String, Object> options, ProviderContext context);
}
