package io.deeppersona.core;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.api.error.ErrorCode;
import io.deeppersona.api.error.PersonalizationException;
import io.deeppersona.api.error.PluginNotFoundException;
import io.deeppersona.spi.DataSourceProvider;
import io.deeppersona.spi.DeployerProvider;
import io.deeppersona.spi.FeatureExtractorProvider;
import io.deeppersona.spi.ModelProvider;
import io.deeppersona.spi.PreprocessorProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Finds providers by name. Immutable once built and safe to share; a JVM may hold several differently configured
 * registries (there is no global one).
 *
 * <pre>{@code
 * PluginRegistry registry = PluginRegistry.builder()
 *         .register(new MyModelProvider())               // explicit registration wins
 *         .discover(MyApp.class.getClassLoader())        // opt-in ServiceLoader scan
 *         .build();                                      // rejects name clashes
 * ModelProvider ease = registry.model("ease");
 * }</pre>
 */
public final class PluginRegistry {
    private static final Pattern LOWER_KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Map<Class<?>, Map<String, Object>> byKind;
    private final List<BrokenProvider> broken;

    private PluginRegistry(Map<Class<?>, Map<String, Object>> byKind, List<BrokenProvider> broken) {
        this.byKind = byKind;
        this.broken = List.copyOf(broken);
    }

    /** Returns a new builder; single-threaded, single-use. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a registry of every provider the class loader's ServiceLoader files name. */
    public static PluginRegistry discovered(ClassLoader classLoader) {
        return builder().discover(classLoader).build();
    }

    /** @throws PluginNotFoundException if no data source provider has this name */
    public DataSourceProvider dataSource(String name) {
        return lookup(PluginKind.DATA_SOURCE, name);
    }

    /** @throws PluginNotFoundException if no preprocessor provider has this name */
    public PreprocessorProvider preprocessor(String name) {
        return lookup(PluginKind.PREPROCESSOR, name);
    }

    /** @throws PluginNotFoundException if no feature extractor provider has this name */
    public FeatureExtractorProvider featureExtractor(String name) {
        return lookup(PluginKind.FEATURE_EXTRACTOR, name);
    }

    /** @throws PluginNotFoundException if no model provider has this name */
    public ModelProvider model(String name) {
        return lookup(PluginKind.MODEL, name);
    }

    /** Returns the model provider with this name, if registered; for artifact loading. */
    public Optional<ModelProvider> findModel(String name) {
        return Optional.ofNullable(ModelProvider.class.cast(byKind.get(ModelProvider.class).get(name)));
    }

    /** @throws PluginNotFoundException if no deployer provider has this name */
    public DeployerProvider deployer(String name) {
        return lookup(PluginKind.DEPLOYER, name);
    }

    /** Returns the registered names of one provider interface, sorted. */
    public Set<String> names(Class<?> providerType) {
        Map<String, Object> providers = byKind.get(providerType);
        if (providers == null) {
            throw new IllegalArgumentException(providerType.getName() + " is not a provider interface");
        }
        return Collections.unmodifiableSet(new java.util.TreeSet<>(providers.keySet()));
    }

    /** Returns the providers that failed to load during discovery, with their causes. */
    public List<BrokenProvider> brokenProviders() {
        return broken;
    }

    private <P> P lookup(PluginKind<P> kind, String name) {
        requireNonNull(name, "name is null");
        Object provider = byKind.get(kind.type()).get(name);
        if (provider != null) {
            return kind.type().cast(provider);
        }
        List<BrokenProvider> brokenOfKind = broken.stream().filter(b -> b.providerType() == kind.type()).toList();
        StringBuilder message = new StringBuilder("No ").append(kind.simpleName()).append(" named '").append(name)
                .append("'. Available: ").append(names(kind.type())).append('.');
        if (brokenOfKind.isEmpty()) {
            message.append(" Is ").append(kind.usualModule()).append(" on the class path?");
        } else {
            message.append(" ").append(brokenOfKind.size()).append(" provider(s) failed to load: ")
                    .append(brokenOfKind.stream().map(BrokenProvider::describe).toList());
        }
        PluginNotFoundException notFound = new PluginNotFoundException(message.toString(),
                brokenOfKind.isEmpty() ? null : brokenOfKind.get(0).cause());
        brokenOfKind.stream().skip(1).forEach(b -> notFound.addSuppressed(b.cause()));
        throw notFound;
    }

    /**
     * A provider that ServiceLoader could not instantiate.
     *
     * @param providerType the provider interface
     * @param cause the error ServiceLoader reported, naming the class
     */
    public record BrokenProvider(Class<?> providerType, Throwable cause) {
        String describe() {
            return providerType.getSimpleName() + ": " + cause.getMessage();
        }
    }

    /** Collects providers; explicit registrations win over discovered ones of the same name. */
    public static final class Builder {
        private final Map<Class<?>, Map<String, Object>> explicit = new HashMap<>();
        private final Map<Class<?>, Map<String, List<Object>>> discovered = new HashMap<>();
        private final List<BrokenProvider> broken = new ArrayList<>();
        private boolean built;

        private Builder() {
            for (PluginKind<?> kind : PluginKind.ALL) {
                explicit.put(kind.type(), new LinkedHashMap<>());
                discovered.put(kind.type(), new LinkedHashMap<>());
            }
        }

        /**
         * Registers a provider under every provider interface it implements.
         *
         * @throws ConfigurationException if it implements none, its name is not lower-kebab, or another explicit
         *     provider of that kind already has the name
         */
        public Builder register(Object provider) {
            requireNonNull(provider, "provider is null");
            checkNotBuilt();
            boolean any = false;
            for (PluginKind<?> kind : PluginKind.ALL) {
                if (kind.type().isInstance(provider)) {
                    any = true;
                    String name = validName(kind, provider);
                    Object previous = explicit.get(kind.type()).putIfAbsent(name, provider);
                    if (previous != null && previous != provider) {
                        throw new ConfigurationException("Two " + kind.simpleName() + "s registered as '" + name
                                + "': " + previous.getClass().getName() + " and " + provider.getClass().getName());
                    }
                }
            }
            if (!any) {
                throw new ConfigurationException(provider.getClass().getName()
                        + " implements no provider interface; expected one of "
                        + PluginKind.ALL.stream().map(PluginKind::simpleName).toList());
            }
            return this;
        }

        /**
         * Adds every provider named in {@code classLoader}'s {@code META-INF/services} files. A provider that fails
         * to load is recorded with its cause (see {@link PluginRegistry#brokenProviders()}) instead of failing the
         * whole scan.
         */
        public Builder discover(ClassLoader classLoader) {
            requireNonNull(classLoader, "classLoader is null");
            checkNotBuilt();
            for (PluginKind<?> kind : PluginKind.ALL) {
                discoverKind(kind, classLoader);
            }
            return this;
        }

        private <P> void discoverKind(PluginKind<P> kind, ClassLoader classLoader) {
            Iterator<P> providers = ServiceLoader.load(kind.type(), classLoader).iterator();
            while (true) {
                P provider;
                try {
                    if (!providers.hasNext()) {
                        return;
                    }
                    provider = providers.next();
                } catch (ServiceConfigurationError e) {
                    broken.add(new BrokenProvider(kind.type(), e));
                    continue;
                }
                String name;
                try {
                    name = validName(kind, provider);
                } catch (RuntimeException e) {
                    broken.add(new BrokenProvider(kind.type(), e));
                    continue;
                }
                List<Object> sameName = discovered.get(kind.type()).computeIfAbsent(name, n -> new ArrayList<>());
                // One class found twice (two class loaders, or a jar listed twice) is one provider.
                if (sameName.stream().noneMatch(p -> p.getClass().getName().equals(provider.getClass().getName()))) {
                    sameName.add(provider);
                }
            }
        }

        /**
         * Validates names and builds the registry.
         *
         * @throws ConfigurationException if two different discovered classes share a name that no explicit
         *     registration settles; the message names both classes
         */
        public PluginRegistry build() {
            checkNotBuilt();
            built = true;
            Map<Class<?>, Map<String, Object>> byKind = new HashMap<>();
            for (PluginKind<?> kind : PluginKind.ALL) {
                Map<String, Object> providers = new TreeMap<>();
                discovered.get(kind.type()).forEach((name, candidates) -> {
                    if (explicit.get(kind.type()).containsKey(name)) {
                        return;
                    }
                    if (candidates.size() > 1) {
                        throw new ConfigurationException("Two " + kind.simpleName() + "s named '" + name
                                + "' were discovered: " + candidates.stream().map(p -> p.getClass().getName())
                                        .toList() + "; remove one from the class path or register one explicitly");
                    }
                    providers.put(name, candidates.get(0));
                });
                providers.putAll(explicit.get(kind.type()));
                byKind.put(kind.type(), Collections.unmodifiableMap(providers));
            }
            return new PluginRegistry(Map.copyOf(byKind), broken);
        }

        private static <P> String validName(PluginKind<P> kind, Object provider) {
            String name;
            try {
                name = kind.nameOf().apply(kind.type().cast(provider));
            } catch (RuntimeException e) {
                throw new PersonalizationException(ErrorCode.PLUGIN_BROKEN,
                        provider.getClass().getName() + ".name() failed", e);
            }
            if (name == null || !LOWER_KEBAB.matcher(name).matches()) {
                throw new ConfigurationException(kind.simpleName() + " " + provider.getClass().getName()
                        + " has name '" + name + "'; names must be lower-kebab like 'item-knn'");
            }
            return name;
        }

        private void checkNotBuilt() {
            if (built) {
                throw new IllegalStateException("this builder was already built; start a new one");
            }
        }
    }
}
