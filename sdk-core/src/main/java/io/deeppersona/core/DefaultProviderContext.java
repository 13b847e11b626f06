package io.deeppersona.core;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.deeppersona.api.EventLogBuilder;
import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.core.eventlog.ColumnarEventLog;
import io.deeppersona.spi.ModelProvider;
import io.deeppersona.spi.ProviderContext;
import io.deeppersona.spi.TrainingListener;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The core's {@link ProviderContext}: strict option binding through the SDK's JSON mapper, a clock, and the
 * secrets the host supplied. Immutable and thread-safe.
 */
public final class DefaultProviderContext implements ProviderContext {
    private final Clock clock;
    private final Map<String, byte[]> secrets;
    private final TrainingListener listener;
    private final PluginRegistry registry;

    private DefaultProviderContext(Clock clock, Map<String, byte[]> secrets, TrainingListener listener,
            PluginRegistry registry) {
        this.clock = requireNonNull(clock, "clock is null");
        this.listener = requireNonNull(listener, "listener is null");
        this.registry = registry;
        Map<String, byte[]> copy = new HashMap<>();
        secrets.forEach((name, secret) -> copy.put(name, secret.clone()));
        this.secrets = Map.copyOf(copy);
    }

    /** A context with the system UTC clock and no secrets. */
    public static DefaultProviderContext create() {
        return new DefaultProviderContext(Clock.systemUTC(), Map.of(), TrainingListener.NONE, null);
    }

    /** A context with the given clock and secrets; the secret arrays are copied. */
    public static DefaultProviderContext create(Clock clock, Map<String, byte[]> secrets) {
        return new DefaultProviderContext(clock, secrets, TrainingListener.NONE, null);
    }

    /**
     * A context with everything: clock, secrets (copied), the training listener, and the registry that
     * {@link #findModelProvider(String)} looks names up in.
     */
    public static DefaultProviderContext create(Clock clock, Map<String, byte[]> secrets, TrainingListener listener,
            PluginRegistry registry) {
        return new DefaultProviderContext(clock, secrets, listener, requireNonNull(registry, "registry is null"));
    }

    /** Returns a copy of this context that reports training to {@code newListener}. */
    public DefaultProviderContext withTrainingListener(TrainingListener newListener) {
        return new DefaultProviderContext(clock, secrets, newListener, registry);
    }

    @Override
    public <T> T bindOptions(Map<String, Object> options, Class<T> type) {
        requireNonNull(options, "options is null");
        requireNonNull(type, "type is null");
        try {
            return SdkJson.json().convertValue(options, type);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(describe(e, type), e);
        }
    }

    private static String describe(IllegalArgumentException e, Class<?> type) {
        String target = type.getSimpleName();
        // An options record that rejects a value says best what is wrong: use its message as it is.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConfigurationException own) {
                return own.getMessage();
            }
        }
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "?"
                    : unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                            .collect(Collectors.joining(", "));
            return "Unknown option '" + unknown.getPropertyName() + "' for " + target + "; known options: [" + known
                    + "]";
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            String path = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            Throwable root = mapping;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return "Invalid option '" + path + "' for " + target + ": " + root.getMessage();
        }
        return "Invalid options for " + target + ": " + e.getMessage();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public String sdkVersion() {
        return SdkVersion.current();
    }

    @Override
    public EventLogBuilder newEventLogBuilder() {
        return ColumnarEventLog.builder();
    }

    @Override
    public TrainingListener trainingListener() {
        return listener;
    }

    @Override
    public boolean hasModelRegistry() {
        return registry != null;
    }

    @Override
    public Optional<ModelProvider> findModelProvider(String name) {
        return registry == null ? Optional.empty() : registry.findModel(requireNonNull(name, "name is null"));
    }

    @Override
    public Optional<byte[]> secret(String name) {
        byte[] secret = secrets.get(requireNonNull(name, "name is null"));
        return secret == null ? Optional.empty() : Optional.of(secret.clone());
    }
}
