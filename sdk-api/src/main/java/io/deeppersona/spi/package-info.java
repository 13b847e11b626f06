/**
 * The service provider interfaces. Every stage kind comes as a runtime interface and a {@code *Provider} factory
 * with a stable lower-kebab name: {@link io.deeppersona.spi.DataSource}, {@link io.deeppersona.spi.Preprocessor},
 * {@link io.deeppersona.spi.FeatureExtractor}, {@link io.deeppersona.spi.Model} and
 * {@link io.deeppersona.spi.Deployer}. Providers are registered explicitly or found with
 * {@link java.util.ServiceLoader} through {@code META-INF/services/io.deeppersona.spi.*Provider} files.
 */
package io.deeppersona.spi;
