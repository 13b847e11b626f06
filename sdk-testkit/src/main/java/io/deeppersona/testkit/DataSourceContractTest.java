package io.deeppersona.testkit;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.deeppersona.api.CustomerEvent;
import io.deeppersona.api.EventType;
import io.deeppersona.api.RejectedRecord;
import io.deeppersona.api.error.DataSourceException;
import io.deeppersona.api.error.ErrorCode;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.core.SdkJson;
import io.deeppersona.core.source.ErrorPolicy;
import io.deeppersona.core.source.Ingest;
import io.deeppersona.core.source.IngestResult;
import io.deeppersona.spi.DataSource;
import io.deeppersona.spi.DataSourceProvider;
import io.deeppersona.spi.EventSink;
import io.deeppersona.spi.ProviderContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every {@link DataSourceProvider} owes its hosts. A plugin author subclasses it, says how to write
 * events in the source's format, and gets the whole contract:
 *
 * <pre>{@code
 * class CsvDataSourceContractTest extends DataSourceContractTest {
 *     protected DataSourceProvider provider() { return new CsvDataSourceProvider(); }
 *     protected Map<String, Object> writeInput(Path dir, List<CustomerEvent> events) { ... }
 *     protected BadInput writeInputWithOneBadRecord(Path dir, List<CustomerEvent> good) { ... }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public abstract class DataSourceContractTest {
    /** The lower-kebab shape every plugin id has. */
    private static final String LOWER_KEBAB = "[a-z0-9]+(-[a-z0-9]+)*";

    /**
     * Input with one bad record among good ones.
     *
     * @param options options that make {@link #provider()} read the input
     * @param line the bad record's line (or row) number, as the source reports it
     * @param field the field the source blames, or {@code ""} when it rejects the whole record
     */
    public record BadInput(Map<String, Object> options, long line, String field) {
        public BadInput {
            options = Map.copyOf(requireNonNull(options, "options is null"));
            requireNonNull(field, "field is null");
        }
    }

    /** Returns the provider under test. */
    protected abstract DataSourceProvider provider();

    /**
     * Writes {@code events} in the source's format below {@code dir} (or wherever the source reads from) and returns
     * options that read them back. Sources without a place to write to put the events into the options.
     */
    protected abstract Map<String, Object> writeInput(Path dir, List<CustomerEvent> events) throws Exception;

    /** Writes {@code good} plus one bad record and says where the bad one is. */
    protected abstract BadInput writeInputWithOneBadRecord(Path dir, List<CustomerEvent> good) throws Exception;

    /** Returns the context sources are created with. */
    protected ProviderContext context() {
        return DefaultProviderContext.create();
    }

    /**
     * Returns the events the contract writes: a missing customer, unknown quantity and value, several types, a
     * negative quantity, an item id with a comma and a quote, and millisecond timestamps.
     */
    protected List<CustomerEvent> sampleEvents() {
        Instant start = Instant.parse("2024-03-01T09:15:30.125Z");
        return List.of(
                new CustomerEvent("c1", "i1", EventType.PURCHASE, start, 2, 7.5, Map.of()),
                new CustomerEvent("c2", "i2", EventType.VIEW, start.plusSeconds(60), 1, Double.NaN, Map.of()),
                new CustomerEvent(null, "i3", EventType.ADD_TO_CART, start.plusMillis(1), 3, 0.1 + 0.2, Map.of()),
                new CustomerEvent("c1", "i4, \"boxed\"", EventType.RETURN, start.plusSeconds(86_400), -1, -2.25,
                        Map.of()),
                new CustomerEvent("c3", "i1", EventType.CLICK, start.minusSeconds(3_600), Double.NaN, Double.NaN,
                        Map.of()));
    }

    @Test
    void nameIsLowerKebab() {
        assertThat(provider().name()).matches(LOWER_KEBAB);
    }

    @Test
    void isRegisteredForServiceLoader() {
        assertThat(ServiceLoader.load(DataSourceProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(provider().getClass());
    }

    @Test
    void roundTripGivesTheWrittenEvents(@TempDir Path dir) throws Exception {
        List<CustomerEvent> events = sampleEvents();
        Recording read = read(create(writeInput(dir, events)));
        assertThat(read.rejected).isEmpty();
        assertThat(essentials(read.accepted)).isEqualTo(essentials(events));
    }

    @Test
    void readingTwiceGivesTheSame(@TempDir Path dir) throws Exception {
        DataSource source = create(writeInput(dir, sampleEvents()));
        Recording first = read(source);
        Recording second = read(source);
        assertThat(essentials(second.accepted)).isEqualTo(essentials(first.accepted));
        assertThat(second.rejected).isEqualTo(first.rejected);
    }

    @Test
    void readIsAcceptedPlusRejected(@TempDir Path dir) throws Exception {
        List<CustomerEvent> good = sampleEvents();
        DataSource source = create(writeInputWithOneBadRecord(dir, good).options());
        IngestResult result = Ingest.read(source, ErrorPolicy.QUARANTINE, null, context());
        assertThat(result.read()).isEqualTo(result.accepted() + result.rejected()).isEqualTo(good.size() + 1L);
        assertThat(result.report().rowsIn()).isEqualTo(result.read());
        assertThat(result.report().rowsOut()).isEqualTo(result.accepted());
        assertThat(result.report().droppedTotal()).isEqualTo(result.rejected());
    }

    @Test
    void failFastNamesTheLineAndField(@TempDir Path dir) throws Exception {
        BadInput bad = writeInputWithOneBadRecord(dir, sampleEvents());
        DataSource source = create(bad.options());
        assertThatThrownBy(() -> Ingest.read(source, ErrorPolicy.FAIL_FAST, null, context()))
                .isInstanceOf(DataSourceException.class)
                .hasMessageContaining(":" + bad.line() + ":")
                .hasMessageContaining(bad.field().isEmpty() ? ":" : "'" + bad.field() + "'")
                .satisfies(e -> assertThat(((DataSourceException) e).code()).isEqualTo(ErrorCode.DATA_INVALID));
    }

    @Test
    void quarantineKeepsTheBadRecordAndAcceptsTheRest(@TempDir Path dir) throws Exception {
        List<CustomerEvent> good = sampleEvents();
        BadInput bad = writeInputWithOneBadRecord(dir, good);
        Path quarantine = dir.resolve("quarantine").resolve("rejected.jsonl");
        IngestResult result = Ingest.read(create(bad.options()), ErrorPolicy.QUARANTINE, quarantine, context());

        assertThat(result.accepted()).isEqualTo(good.size());
        assertThat(result.rejected()).isEqualTo(1);
        assertThat(result.quarantine()).contains(quarantine);
        List<String> lines = Files.readAllLines(quarantine);
        assertThat(lines).hasSize(1);
        JsonNode line = SdkJson.json().readTree(lines.get(0));
        assertThat(line.get("line").asLong()).isEqualTo(bad.line());
        assertThat(line.get("field").asText()).isEqualTo(bad.field());
        assertThat(line.get("reason").asText()).isNotBlank();
        assertThat(line.get("source").asText()).isNotBlank();
        assertThat(line.has("record")).isTrue();
    }

    @Test
    void descriptionHasNoPassword(@TempDir Path dir) throws Exception {
        Map<String, Object> options = writeInput(dir, sampleEvents());
        String description = create(options).description();
        assertThat(description).isNotBlank();
        options.forEach((key, value) -> {
            if (key.toLowerCase(Locale.ROOT).contains("password") && value != null) {
                assertThat(description).doesNotContain(value.toString());
            }
        });
    }

    /** Creates a source from {@code options} with {@link #context()}. */
    protected DataSource create(Map<String, Object> options) {
        return provider().create(options, context());
    }

    /** The parts of an event every source must keep: attributes are a source's own business. */
    private record Essentials(String customerId, String itemId, EventType type, Instant timestamp, double quantity,
            double value) {
    }

    private static List<Essentials> essentials(List<CustomerEvent> events) {
        return events.stream().map(e -> new Essentials(e.customerId(), e.itemId(), e.type(), e.timestamp(),
                e.quantity(), e.value())).toList();
    }

    private static Recording read(DataSource source) {
        Recording recording = new Recording();
        source.read(recording);
        return recording;
    }

    private static final class Recording implements EventSink {
        final List<CustomerEvent> accepted = new ArrayList<>();
        final List<RejectedRecord> rejected = new ArrayList<>();

        @Override
        public void accept(CustomerEvent event) {
            accepted.add(event);
        }

        @Override
        public void reject(RejectedRecord record) {
            rejected.add(record);
        }
    }

    /** Writes {@code lines} to {@code file}, for subclasses writing text formats. */
    protected static Path writeLines(Path file, List<String> lines) throws IOException {
        return Files.write(file, lines);
    }
}
