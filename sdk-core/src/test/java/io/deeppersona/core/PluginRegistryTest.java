package io.deeppersona.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.artifact.ArtifactReader;
import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.api.error.PluginNotFoundException;
import io.deeppersona.spi.Model;
import io.deeppersona.spi.ModelCapability;
import io.deeppersona.spi.ModelProvider;
import io.deeppersona.spi.ModelTrainer;
import io.deeppersona.spi.ProviderContext;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class PluginRegistryTest {

    /** A provider whose name is fixed per subclass; the registry never calls the other methods. */
    public abstract static class NamedModelProvider implements ModelProvider {
        @Override public int payloadVersion() { return 1; }
        @Override public Set<ModelCapability> capabilities() { return Set.of(); }
        @Override public ModelTrainer newTrainer(Map<String, Object> options, ProviderContext context) {
            throw new UnsupportedOperationException();
        }
        @Override public Model load(ArtifactReader payload, int payloadVersion, ProviderContext context) {
            throw new UnsupportedOperationException();
        }
    }

    public static final class AlphaProvider extends NamedModelProvider {
        @Override public String name() { return "alpha"; }
    }

    public static final class OtherAlphaProvider extends NamedModelProvider {
        @Override public String name() { return "alpha"; }
    }

    public static final class BadNameProvider extends NamedModelProvider {
        @Override public String name() { return "Bad_Name"; }
    }

    private static ClassLoader loaderListing(Path dir, String... providerClasses) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(ModelProvider.class.getName()), String.join("\n", providerClasses) + "\n");
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, PluginRegistryTest.class.getClassLoader());
    }

    @Test
    void explicitRegistrationIsFoundByName() {
        PluginRegistry registry = PluginRegistry.builder().register(new AlphaProvider()).build();

        assertThat(registry.model("alpha")).isInstanceOf(AlphaProvider.class);
        assertThat(registry.names(ModelProvider.class)).containsExactly("alpha");
    }

    @Test
    void unknownNameListsTheAvailableOnes() {
        PluginRegistry registry = PluginRegistry.builder().register(new AlphaProvider()).build();

        assertThatThrownBy(() -> registry.model("dl4j-rnn"))
                .isInstanceOf(PluginNotFoundException.class)
                .hasMessageContaining("No ModelProvider named 'dl4j-rnn'")
                .hasMessageContaining("Available: [alpha]")
                .hasMessageContaining("on the class path");
    }

    @Test
    void twoExplicitProvidersWithOneNameFailWithBothClassNames() {
        PluginRegistry.Builder builder = PluginRegistry.builder().register(new AlphaProvider());

        assertThatThrownBy(() -> builder.register(new OtherAlphaProvider()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(AlphaProvider.class.getName())
                .hasMessageContaining(OtherAlphaProvider.class.getName());
    }

    @Test
    void rejectsNamesThatAreNotLowerKebab() {
        assertThatThrownBy(() -> PluginRegistry.builder().register(new BadNameProvider()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'Bad_Name'")
                .hasMessageContaining("lower-kebab");
    }

    @Test
    void twoDiscoveredClassesWithOneNameFailTheBuild(@TempDir Path dir) throws IOException {
        ClassLoader loader = loaderListing(dir, AlphaProvider.class.getName(), OtherAlphaProvider.class.getName());

        assertThatThrownBy(() -> PluginRegistry.builder().discover(loader).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(AlphaProvider.class.getName())
                .hasMessageContaining(OtherAlphaProvider.class.getName());
    }

    @Test
    void explicitRegistrationWinsOverADiscoveredClash(@TempDir Path dir) throws IOException {
        ClassLoader loader = loaderListing(dir, AlphaProvider.class.getName(), OtherAlphaProvider.class.getName());
        OtherAlphaProvider chosen = new OtherAlphaProvider();

        PluginRegistry registry = PluginRegistry.builder().register(chosen).discover(loader).build();

        assertThat(registry.model("alpha")).isSameAs(chosen);
    }

    @Test
    void sameClassDiscoveredTwiceIsOneProvider(@TempDir Path dir) throws IOException {
        ClassLoader loader = loaderListing(dir, AlphaProvider.class.getName(), AlphaProvider.class.getName());

        PluginRegistry registry = PluginRegistry.builder().discover(loader).discover(loader).build();

        assertThat(registry.model("alpha")).isInstanceOf(AlphaProvider.class);
    }

    @Test
    void brokenProviderIsReportedWithItsCause(@TempDir Path dir) throws IOException {
        ClassLoader loader = loaderListing(dir, "com.example.DoesNotExist", AlphaProvider.class.getName());

        PluginRegistry registry = PluginRegistry.builder().discover(loader).build();

        assertThat(registry.model("alpha")).isInstanceOf(AlphaProvider.class);
        assertThat(registry.brokenProviders()).hasSize(1);
        assertThatThrownBy(() -> registry.model("does-not-exist"))
                .isInstanceOf(PluginNotFoundException.class)
                .hasMessageContaining("com.example.DoesNotExist")
                .hasCauseInstanceOf(java.util.ServiceConfigurationError.class);
    }

    @Test
    void providerImplementingNoInterfaceIsRefused() {
        assertThatThrownBy(() -> PluginRegistry.builder().register("not a provider"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("implements no provider interface");
    }
}
