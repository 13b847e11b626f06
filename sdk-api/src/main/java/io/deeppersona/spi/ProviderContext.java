package io.deeppersona.spi;

import io.deeppersona.api.EventLogBuilder;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What the SDK core gives a provider: option binding, a clock, secrets and builders. Providers never reach for
 * globals (system properties, static registries), so several differently configured pipelines share one JVM.
 *
 * @since 0.1
 */
public interface ProviderContext {
    /**
     * Binds options strictly to a record or bean type: an unknown key, a wrong type, or a value the type's
     * constructor rejects fails with a {@link io.deeppersona.api.error.ConfigurationException} naming the key.
     * Absent keys keep the type's defaults.
     */
    <T> T bindOptions(Map<String, Object> options, Class<T> type);

    /** Returns the clock to stamp reports and artifacts with. */
    Clock clock();

    /** Returns the SDK version, e.g. {@code "0.1.0"}. */
    String sdkVersion();

    /** Returns a new, empty event log builder. */
    EventLogBuilder newEventLogBuilder();

    /**
     * Returns a secret the host supplied under {@code name} (e.g. the pseudonymisation key). Secrets are never
     * written to artifacts, manifests or logs.
     */
    Optional<byte[]> secret(String name);

    /** Returns the listener to report training progress to; {@link TrainingListener#NONE} by default. */
    default TrainingListener trainingListener() {
        return TrainingListener.NONE;
    }

    /**
     * Returns the model provider registered under {@code name}, for providers that combine others (such as
     * {@code auto}); empty when the host gave the context no registry or none of that name.
     */
    default Optional<ModelProvider> findModelProvider(String name) {
        return Optional.empty();
    }

    /**
     * Returns whether {@link #findModelProvider} looks names up in a registry, so that an empty answer means "no
     * such provider" rather than "nobody to ask". A deployer uses it to refuse artifacts of unknown providers only
     * when it can tell.
     */
    default boolean hasModelRegistry() {
        return false;
    }
}
