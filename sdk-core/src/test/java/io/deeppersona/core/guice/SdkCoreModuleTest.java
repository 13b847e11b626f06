package io.deeppersona.core.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import com.google.inject.multibindings.MapBinder;
import io.deeppersona.core.PluginRegistry;
import io.deeppersona.core.PluginRegistryTest;
import io.deeppersona.spi.ModelProvider;
import org.junit.jupiter.api.Test;

class SdkCoreModuleTest {
    @Test
    void emptyBindingsGiveAnEmptyRegistry() {
        PluginRegistry registry = Guice.createInjector(new SdkCoreModule()).getInstance(PluginRegistry.class);

        assertThat(registry.names(ModelProvider.class)).isEmpty();
    }

    @Test
    void pluginModulesAddProviders() {
        PluginRegistry registry = Guice.createInjector(new SdkCoreModule(), new AbstractModule() {
            @Override
            protected void configure() {
                MapBinder.newMapBinder(binder(), String.class, ModelProvider.class)
                        .addBinding("alpha").to(PluginRegistryTest.AlphaProvider.class);
            }
        }).getInstance(PluginRegistry.class);

        assertThat(registry.model("alpha")).isInstanceOf(PluginRegistryTest.AlphaProvider.class);
    }

    @Test
    void bindingKeyMustBeTheProvidersName() {
        var injector = Guice.createInjector(new SdkCoreModule(), new AbstractModule() {
            @Override
            protected void configure() {
                MapBinder.newMapBinder(binder(), String.class, ModelProvider.class)
                        .addBinding("beta").to(PluginRegistryTest.AlphaProvider.class);
            }
        });

        assertThatThrownBy(() -> injector.getInstance(PluginRegistry.class))
                .isInstanceOf(ProvisionException.class)
                .hasMessageContaining("under 'beta' but its name() is 'alpha'");
    }
}
