package io.deeppersona.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.CustomerEvent;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventLogBuilder;
import io.deeppersona.api.EventType;
import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.spi.FittedPreprocessor;
import io.deeppersona.spi.PreprocessResult;
import io.deeppersona.spi.Preprocessor;
import io.deeppersona.spi.PreprocessorProvider;
import io.deeppersona.spi.ProviderContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link PreprocessorProvider} keeps. A plugin author subclasses it, names the provider and
 * options that make a working step, and gets these checks: a lower-kebab name, ServiceLoader registration, strict
 * options, no mutation of the input, rows in = rows out + dropped, determinism, empty in gives empty out, and
 * fitting on one log then applying to another.
 *
 * <pre>{@code
 * class MyStepContractTest extends PreprocessorContractTest {
 *     @Override protected PreprocessorProvider provider() { return new MyStepProvider(); }
 *     @Override protected Map<String, Object> options() { return Map.of("threshold", 3); }
 * }
 * }</pre>
 *
 * <p>The sample logs exercise what built-in steps look at: duplicates, cancellations and returns, missing values,
 * non-product items, attributes ({@code InvoiceNo}, {@code Country}, {@code email}), a burst of events and several
 * days of history. Override {@link #sampleEvents()} to feed a step other data.
 */
public abstract class PreprocessorContractTest {
    private static final Instant T0 = Instant.parse("2011-01-03T08:00:00Z");

    /** Returns the provider under test. */
    protected abstract PreprocessorProvider provider();

    /** Returns options that make a working step. */
    protected abstract Map<String, Object> options();

    /** Returns the context to create the step with; override to supply secrets or a fixed clock. */
    protected ProviderContext context() {
        return DefaultProviderContext.create();
    }

    /** Returns events for the sample log, in no particular order; override to feed the step other data. */
    protected List<CustomerEvent> sampleEvents() {
        List<CustomerEvent> events = new ArrayList<>();
        String[] items = {"85123A", "71053", "84406B", "22423", "POST"};
        for (int day = 0; day < 8; day++) {
            for (int c = 1; c <= 5; c++) {
                String customer = "customer-" + c;
                String item = items[(day + c) % items.length];
                String invoice = (day == 3 && c == 2 ? "C" : "") + (536000 + day * 10 + c);
                events.add(new CustomerEvent(customer, item, EventType.PURCHASE, at(day, c * 7), 2, 5.9,
                        Map.of("InvoiceNo", invoice, "Country", "United Kingdom", "email", c + "@example.com")));
            }
        }
        CustomerEvent repeated = new CustomerEvent("customer-1", "71053", EventType.PURCHASE, at(2, 1), 1, 2.5,
                Map.of("InvoiceNo", "536999"));
        events.add(repeated);
        events.add(repeated);
        events.add(new CustomerEvent("customer-3", "22423", EventType.PURCHASE, at(4, 5), -1, -2.5, Map.of()));
        events.add(new CustomerEvent("customer-3", "22423", EventType.RETURN, at(4, 6), 1, 2.5, Map.of()));
        events.add(new CustomerEvent("customer-4", "84406B", EventType.PURCHASE, at(5, 5), 1, 0, Map.of()));
        events.add(new CustomerEvent("customer-4", "84406B", EventType.VIEW, at(5, 6), Double.NaN, Double.NaN,
                Map.of()));
        events.add(new CustomerEvent(null, "85123A", EventType.VIEW, at(6, 1), 1, Double.NaN, Map.of()));
        for (int i = 0; i < 30; i++) {
            events.add(new CustomerEvent("customer-5", items[i % 4], EventType.VIEW,
                    at(7, 0).plusSeconds(i), 1, Double.NaN, Map.of("Country", "France")));
        }
        return events;
    }

    private static Instant at(int day, int minute) {
        return T0.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(minute));
    }

    /** Builds a log from {@code events} with a builder of {@link #context()}. */
    protected final EventLog logOf(List<CustomerEvent> events) {
        EventLogBuilder builder = context().newEventLogBuilder();
        events.forEach(builder::add);
        return builder.build();
    }

    private EventLog sampleLog() {
        return logOf(sampleEvents());
    }

    private Preprocessor newStep() {
        return provider().create(options(), context());
    }

    private static List<CustomerEvent> snapshot(EventLog log) {
        List<CustomerEvent> events = new ArrayList<>(log.size());
        for (int row = 0; row < log.size(); row++) {
            events.add(log.event(row));
        }
        return events;
    }

    private static void assertRowsAddUp(EventLog in, PreprocessResult result) {
        long dropped = 0;
        for (Map.Entry<String, Long> entry : result.dropped().entrySet()) {
            assertThat(entry.getValue()).as("dropped count for reason '%s'", entry.getKey()).isNotNegative();
            dropped += entry.getValue();
        }
        assertThat(result.events().size() + dropped)
                .as("rows out (%d) + dropped %s must equal rows in", result.events().size(), result.dropped())
                .isEqualTo(in.size());
    }

    @Test
    void nameIsLowerKebab() {
        assertThat(provider().name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
        assertThat(newStep().name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
    }

    @Test
    void isRegisteredForServiceLoader() {
        assertThat(ServiceLoader.load(PreprocessorProvider.class, provider().getClass().getClassLoader()).stream()
                .map(ServiceLoader.Provider::type))
                .contains(provider().getClass());
    }

    @Test
    void rejectsUnknownOption() {
        Map<String, Object> options = new HashMap<>(options());
        options.put("noSuchOption", 1);

        assertThatThrownBy(() -> provider().create(options, context()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("noSuchOption");
    }

    @Test
    void applyNeverModifiesItsInput() {
        EventLog log = sampleLog();
        List<CustomerEvent> before = snapshot(log);
        List<String> attributesBefore = List.copyOf(log.attributeNames());

        Preprocessor step = newStep();
        FittedPreprocessor fitted = step.fit(log);
        fitted.apply(log);

        assertThat(snapshot(log)).isEqualTo(before);
        assertThat(log.attributeNames()).isEqualTo(attributesBefore);
    }

    @Test
    void rowsInEqualRowsOutPlusDropped() {
        EventLog log = sampleLog();

        PreprocessResult result = newStep().fit(log).apply(log);

        assertRowsAddUp(log, result);
    }

    @Test
    void isDeterministic() {
        EventLog log = sampleLog();

        PreprocessResult first = newStep().fit(log).apply(log);
        PreprocessResult second = newStep().fit(sampleLog()).apply(log);
        FittedPreprocessor fitted = newStep().fit(log);
        PreprocessResult again = fitted.apply(log);
        PreprocessResult reused = fitted.apply(log);

        assertThat(snapshot(second.events())).isEqualTo(snapshot(first.events()));
        assertThat(second.dropped()).isEqualTo(first.dropped());
        assertThat(snapshot(reused.events())).isEqualTo(snapshot(again.events()));
        assertThat(snapshot(again.events())).isEqualTo(snapshot(first.events()));
    }

    @Test
    void emptyLogInGivesEmptyLogOut() {
        EventLog empty = logOf(List.of());

        PreprocessResult fittedOnEmpty = newStep().fit(empty).apply(empty);
        PreprocessResult fittedOnSample = newStep().fit(sampleLog()).apply(empty);

        assertThat(fittedOnEmpty.events().size()).isZero();
        assertThat(fittedOnSample.events().size()).isZero();
        assertThat(fittedOnEmpty.dropped().values()).allMatch(count -> count == 0);
    }

    @Test
    void fitsOnOneLogAndAppliesToAnother() {
        List<CustomerEvent> events = new ArrayList<>(sampleEvents());
        events.sort(java.util.Comparator.comparing(CustomerEvent::timestamp));
        int split = events.size() / 2;
        EventLog training = logOf(events.subList(0, split));
        EventLog later = logOf(events.subList(split, events.size()));
        List<CustomerEvent> laterBefore = snapshot(later);

        Preprocessor step = newStep();
        PreprocessResult onTraining = step.fit(training).apply(training);
        PreprocessResult onLater = step.fit(training).apply(later);

        assertRowsAddUp(training, onTraining);
        assertRowsAddUp(later, onLater);
        assertThat(snapshot(later)).isEqualTo(laterBefore);
    }
}
