package io.deeppersona.core;

import io.deeppersona.spi.DataSourceProvider;
import io.deeppersona.spi.DeployerProvider;
import io.deeppersona.spi.FeatureExtractorProvider;
import io.deeppersona.spi.ModelProvider;
import io.deeppersona.spi.PreprocessorProvider;
import java.util.List;
import java.util.function.Function;

/**
 * One kind of plugin: its provider interface, how to read a provider's name, and which module usually brings it
 * (for the "is X on the class path?" hint).
 */
record PluginKind<P>(Class<P> type, Function<P, String> nameOf, String usualModule) {
    static final PluginKind<DataSourceProvider> DATA_SOURCE =
            new PluginKind<>(DataSourceProvider.class, DataSourceProvider::name, "sdk-core");
    static final PluginKind<PreprocessorProvider> PREPROCESSOR =
            new PluginKind<>(PreprocessorProvider.class, PreprocessorProvider::name, "sdk-core");
    static final PluginKind<FeatureExtractorProvider> FEATURE_EXTRACTOR =
            new PluginKind<>(FeatureExtractorProvider.class, FeatureExtractorProvider::name, "sdk-core");
    static final PluginKind<ModelProvider> MODEL =
            new PluginKind<>(ModelProvider.class, ModelProvider::name, "sdk-core or sdk-dl4j-backend");
    static final PluginKind<DeployerProvider> DEPLOYER =
            new PluginKind<>(DeployerProvider.class, DeployerProvider::name, "sdk-core");

    static final List<PluginKind<?>> ALL = List.of(DATA_SOURCE, PREPROCESSOR, FEATURE_EXTRACTOR, MODEL, DEPLOYER);

    String simpleName() {
        return type.getSimpleName();
    }
}
