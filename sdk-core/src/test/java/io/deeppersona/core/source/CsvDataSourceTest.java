package io.deeppersona.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.api.error.DataSourceException;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.spi.DataSource;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDataSourceTest {
    private static final String CSV = """
            customer,item,timestamp,note
            c1,i1,2024-01-01T00:00:00Z,"plain, with comma"
            c2,i2,2024-01-02T00:00:00Z,"two
            lines"
            c3,i3,2024-01-03T00:00:00Z
            ,i4,2024-01-04T00:00:00Z,last
            """;

    @TempDir
    Path dir;

    private DataSource source(Path file, Map<String, Object> extra) {
        Map<String, Object> options = new HashMap<>(extra);
        options.put("path", file.toString());
        return new CsvDataSourceProvider().create(options, DefaultProviderContext.create());
    }

    @Test
    void readsQuotedFieldsWithCommasAndLineBreaksAndNumbersLinesFromTheParser() throws Exception {
        Path file = Files.writeString(dir.resolve("events.csv"), CSV);
        CollectingSink sink = new CollectingSink();
        source(file, Map.of("attributes", List.of("note"))).read(sink);

        assertThat(sink.accepted()).extracting(e -> e.itemId()).containsExactly("i1", "i2", "i4");
        assertThat(sink.accepted().get(0).attributes()).containsEntry("note", "plain, with comma");
        assertThat(sink.accepted().get(1).attributes()).containsEntry("note", "two\nlines");
        assertThat(sink.accepted().get(2).customerId()).isNull();
        assertThat(sink.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(5);
            assertThat(r.field()).isEmpty();
            assertThat(r.reason()).isEqualTo("expected 4 columns as in the header, found 3");
            assertThat(r.rawRecord()).isEqualTo("c3,i3,2024-01-03T00:00:00Z");
        });
    }

    @Test
    void readsGzipSemicolonsAndOtherEncodings() throws Exception {
        Path file = dir.resolve("events.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("who;what;when\nJosé;café;1704067200\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        CollectingSink sink = new CollectingSink();
        source(file, Map.of("delimiter", ";", "encoding", "ISO-8859-1", "customer", "who", "item", "what",
                "time", "when", "timeFormat", "epoch-seconds")).read(sink);
        assertThat(sink.accepted()).singleElement().satisfies(e -> {
            assertThat(e.customerId()).isEqualTo("José");
            assertThat(e.itemId()).isEqualTo("café");
            assertThat(e.timestamp()).hasToString("2024-01-01T00:00:00Z");
        });
    }

    @Test
    void withoutHeaderColumnsAreNumbered() throws Exception {
        Path file = Files.writeString(dir.resolve("plain.csv"), "c1,i1,1704067200000\n");
        CollectingSink sink = new CollectingSink();
        source(file, Map.of("header", false, "customer", "1", "item", "2", "time", "3",
                "timeFormat", "epoch-millis")).read(sink);
        assertThat(sink.accepted()).singleElement().satisfies(e -> assertThat(e.itemId()).isEqualTo("i1"));
    }

    @Test
    void headerWithoutAMappedColumnIsAConfigurationError() throws Exception {
        Path file = Files.writeString(dir.resolve("events.csv"), CSV);
        assertThatThrownBy(() -> source(file, Map.of("customer", "CustomerID")).read(new CollectingSink()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'CustomerID'")
                .hasMessageContaining("[customer, item, timestamp, note]");
    }

    @Test
    void missingFileAndBadOptionsFailClearly() {
        assertThatThrownBy(() -> source(dir.resolve("nope.csv"), Map.of()).read(new CollectingSink()))
                .isInstanceOf(DataSourceException.class).hasMessageContaining("nope.csv").hasMessageContaining("exist");
        assertThatThrownBy(() -> source(dir.resolve("x.csv"), Map.of("delimiter", "||")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'||'");
        assertThatThrownBy(() -> new CsvDataSourceProvider().create(Map.of(), DefaultProviderContext.create()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'path'");
    }

    @Test
    void readingTwiceGivesTheSame() throws Exception {
        Path file = Files.writeString(dir.resolve("events.csv"), CSV);
        DataSource source = source(file, Map.of());
        CollectingSink first = new CollectingSink();
        CollectingSink second = new CollectingSink();
        source.read(first);
        source.read(second);
        assertThat(second.accepted()).isEqualTo(first.accepted());
        assertThat(source.description()).isEqualTo(file.toString());
    }
}
