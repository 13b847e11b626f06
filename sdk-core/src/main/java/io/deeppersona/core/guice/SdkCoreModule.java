package io.deeppersona.core.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import io.deeppersona.core.PluginRegistry;
import io.deeppersona.spi.DataSourceProvider;
import io.deeppersona.spi.DeployerProvider;
import io.deeppersona.spi.FeatureExtractorProvider;
import io.deeppersona.spi.ModelProvider;
import io.deeppersona.spi.PreprocessorProvider;
import java.util.Map;

/**
 * Binds a {@link PluginRegistry} built from Guice map bindings, for hosts that use Guice. Declares the five maps so
 * that an empty one is valid; plugin modules add to them:
 *
 * <pre>{@code
 * MapBinder.newMapBinder(binder(), String.class, ModelProvider.class)
 *          .addBinding(MyModelProvider.NAME).to(MyModelProvider.class);
 * }</pre>
 *
 * <p>Only bindings: no I/O and no class-path scanning here. Guice is an optional dependency of sdk-core.
 */
public final class SdkCoreModule extends AbstractModule {
    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, DataSourceProvider.class);
        MapBinder.newMapBinder(binder(), String.class, PreprocessorProvider.class);
        MapBinder.newMapBinder(binder(), String.class, FeatureExtractorProvider.class);
        MapBinder.newMapBinder(binder(), String.class, ModelProvider.class);
        MapBinder.newMapBinder(binder(), String.class, DeployerProvider.class);
    }

    @Provides
    @Singleton
    PluginRegistry pluginRegistry(Map<String, DataSourceProvider> dataSources,
            Map<String, PreprocessorProvider> preprocessors, Map<String, FeatureExtractorProvider> featureExtractors,
            Map<String, ModelProvider> models, Map<String, DeployerProvider> deployers) {
        PluginRegistry.Builder builder = PluginRegistry.builder();
        // The registry re-checks that each binding key is the provider's own name: a mismatch would make a config
        // name resolve to a different plugin than its manifest records.
        for (Map<String, ?> providers : java.util.List.of(dataSources, preprocessors, featureExtractors, models,
                deployers)) {
            providers.forEach((key, provider) -> builder.register(requireKeyMatches(key, provider)));
        }
        return builder.build();
    }

    private static Object requireKeyMatches(String key, Object provider) {
        String name = nameOf(provider);
        if (!key.equals(name)) {
            throw new io.deeppersona.api.error.ConfigurationException("Guice binds " + provider.getClass().getName()
                    + " under '" + key + "' but its name() is '" + name + "'; bind it under its NAME constant");
        }
        return provider;
    }

    private static String nameOf(Object provider) {
        if (provider instanceof DataSourceProvider p) {
            return p.name();
        }
        if (provider instanceof PreprocessorProvider p) {
            return p.name();
        }
        if (provider instanceof FeatureExtractorProvider p) {
            return p.name();
        }
        if (provider instanceof ModelProvider p) {
            return p.name();
        }
        return ((DeployerProvider) provider).name();
    }
}
