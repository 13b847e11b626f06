package io.deeppersona.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.Catalogue;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.FeatureSchema;
import io.deeppersona.api.FeatureTable;
import io.deeppersona.api.FeatureVector;
import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.spi.FeatureExtractor;
import io.deeppersona.spi.FeatureExtractorProvider;
import io.deeppersona.spi.FittedFeatureExtractor;
import io.deeppersona.spi.ProviderContext;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link FeatureExtractorProvider} keeps. A plugin author's whole test:
 * <pre>{@code
 * class MyExtractorContractTest extends FeatureExtractorContractTest {
 *     @Override protected FeatureExtractorProvider provider() { return new MyExtractorProvider(); }
 *     @Override protected Map<String, Object> options() { return Map.of("window", 7); }
 * }
 * }</pre>
 * The logs come from {@link SampleEventLogs}; override {@link #trainingLog()}, {@link #laterLog()} or
 * {@link #catalogue()} to use others.
 */
public abstract class FeatureExtractorContractTest {
    /** Returns the provider under test. */
    protected abstract FeatureExtractorProvider provider();

    /** Returns options that fit in well under a second on the sample logs. */
    protected abstract Map<String, Object> options();

    /** Returns the catalogue to fit and extract with; empty unless overridden. */
    protected Catalogue catalogue() {
        return Catalogue.empty();
    }

    protected ProviderContext context() {
        return DefaultProviderContext.create();
    }

    protected EventLog trainingLog() {
        return SampleEventLogs.training();
    }

    /** Returns a log with customers and items the training log lacks. */
    protected EventLog laterLog() {
        return SampleEventLogs.later();
    }

    private FeatureExtractor extractor() {
        return provider().create(options(), context());
    }

    private FittedFeatureExtractor fitted() {
        return extractor().fit(trainingLog(), catalogue());
    }

    @Test
    void nameIsLowerKebab() {
        assertThat(provider().name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
    }

    @Test
    void isRegisteredForServiceLoader() {
        assertThat(ServiceLoader.load(FeatureExtractorProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(provider().getClass());
    }

    @Test
    void unknownOptionIsAConfigurationException() {
        Map<String, Object> options = new HashMap<>(options());
        options.put("noSuchOptionForContract", 1);

        assertThatThrownBy(() -> provider().create(options, context()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("noSuchOptionForContract");
    }

    @Test
    void fittedSchemaIsTheExtractedSchemaAndCompatibleWithTheOutputSchema() {
        FeatureExtractor extractor = extractor();
        FittedFeatureExtractor fitted = extractor.fit(trainingLog(), catalogue());

        FeatureTable table = fitted.extract(trainingLog(), catalogue());

        assertThat(table.schema()).isEqualTo(fitted.schema());
        assertThat(namesAndKinds(fitted.schema())).isEqualTo(namesAndKinds(extractor.outputSchema()));
    }

    @Test
    void oneRowPerCustomerWithEvents() {
        EventLog training = trainingLog();

        FeatureTable table = fitted().extract(training, catalogue());

        assertThat(table.rows()).extracting(FeatureVector::customerId)
                .containsExactlyInAnyOrderElementsOf(customersWithEvents(training));
    }

    @Test
    void isDeterministic() {
        FeatureTable first = fitted().extract(trainingLog(), catalogue());
        FeatureTable second = fitted().extract(trainingLog(), catalogue());

        assertThat(second.schema()).isEqualTo(first.schema());
        assertThat(second.rows()).containsExactlyElementsOf(first.rows());
    }

    @Test
    void allValuesAreFiniteAndSequencesHaveNoNulls() {
        FeatureTable table = fitted().extract(trainingLog(), catalogue());

        for (FeatureVector row : table.rows()) {
            row.numeric().forEach((name, values) -> {
                for (float value : values) {
                    assertThat(Float.isFinite(value)).as("%s of a customer is finite", name).isTrue();
                }
            });
            row.sequences().forEach((name, items) -> assertThat(items).as(name).doesNotContainNull());
        }
    }

    @Test
    void extractsOnALaterLogWithUnseenItemsAndCustomers() {
        FittedFeatureExtractor fitted = fitted();
        EventLog later = laterLog();

        FeatureTable table = fitted.extract(later, catalogue());

        assertThat(table.schema()).isEqualTo(fitted.schema());
        assertThat(table.rows()).extracting(FeatureVector::customerId)
                .containsExactlyInAnyOrderElementsOf(customersWithEvents(later));
    }

    private static List<String> namesAndKinds(FeatureSchema schema) {
        return schema.fields().stream().map(f -> f.name() + ":" + f.kind()).toList();
    }

    private static Set<String> customersWithEvents(EventLog log) {
        Set<String> customers = new LinkedHashSet<>();
        for (int row = 0; row < log.size(); row++) {
            if (log.customer(row) >= 0) {
                customers.add(log.customerId(log.customer(row)));
            }
        }
        return customers;
    }
}
