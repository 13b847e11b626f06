package io.deeppersona.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.deeppersona.api.CustomerEvent;
import io.deeppersona.api.RejectedRecord;
import io.deeppersona.api.error.DataSourceException;
import io.deeppersona.api.error.ErrorCode;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.core.SdkJson;
import io.deeppersona.spi.DataSource;
import io.deeppersona.spi.EventSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestTest {
    private static final DataSource TWO_GOOD_ONE_BAD = new DataSource() {
        @Override
        public String description() {
            return "fake.csv";
        }

        @Override
        public void read(EventSink sink) {
            sink.accept(CustomerEvent.purchase("c1", "i1", Instant.EPOCH, 1, 2));
            sink.reject(new RejectedRecord("fake.csv", 3, "price", "cannot parse 'x' as a number", "c2,i2,x"));
            sink.accept(CustomerEvent.purchase(null, "i2", Instant.EPOCH, 1, 2));
        }
    };

    private final DefaultProviderContext context = DefaultProviderContext.create();

    @Test
    void failFastThrowsNamingSourceLineAndField() {
        assertThatThrownBy(() -> Ingest.read(TWO_GOOD_ONE_BAD, ErrorPolicy.FAIL_FAST, null, context))
                .isInstanceOf(DataSourceException.class)
                .hasMessage("fake.csv:3: field 'price': cannot parse 'x' as a number")
                .satisfies(e -> assertThat(((DataSourceException) e).code()).isEqualTo(ErrorCode.DATA_INVALID));
    }

    @Test
    void quarantineKeepsRejectsAsJsonLinesAndReportsThem(@TempDir Path dir) throws Exception {
        Path quarantine = dir.resolve("out/rejected.jsonl");
        IngestResult result = Ingest.read(TWO_GOOD_ONE_BAD, ErrorPolicy.QUARANTINE, quarantine, context);

        assertThat(result.read()).isEqualTo(3);
        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.rejected()).isEqualTo(1);
        assertThat(result.events().size()).isEqualTo(2);
        assertThat(result.quarantine()).contains(quarantine);
        assertThat(result.report().stage()).isEqualTo("read:fake.csv");
        assertThat(result.report().rowsIn()).isEqualTo(3);
        assertThat(result.report().rowsOut()).isEqualTo(2);
        assertThat(result.report().dropped()).containsExactly(java.util.Map.entry("rejected: price", 1L));

        List<String> lines = Files.readAllLines(quarantine);
        assertThat(lines).hasSize(1);
        JsonNode line = SdkJson.json().readTree(lines.get(0));
        assertThat(line.get("source").asText()).isEqualTo("fake.csv");
        assertThat(line.get("line").asLong()).isEqualTo(3);
        assertThat(line.get("field").asText()).isEqualTo("price");
        assertThat(line.get("reason").asText()).isEqualTo("cannot parse 'x' as a number");
        assertThat(line.get("record").asText()).isEqualTo("c2,i2,x");
    }

    @Test
    void cleanReadCreatesNoQuarantineFile(@TempDir Path dir) {
        DataSource clean = InMemoryDataSource.of("clean",
                List.of(CustomerEvent.purchase("c1", "i1", Instant.EPOCH, 1, 2)));
        Path quarantine = dir.resolve("rejected.jsonl");
        IngestResult result = Ingest.read(clean, ErrorPolicy.QUARANTINE, quarantine, context);
        assertThat(result.quarantine()).isEmpty();
        assertThat(quarantine).doesNotExist();
        assertThat(result.report().dropped()).isEmpty();
    }

    @Test
    void quarantineWithoutFileOnlyCounts() {
        IngestResult result = Ingest.read(TWO_GOOD_ONE_BAD, ErrorPolicy.QUARANTINE, null, context);
        assertThat(result.rejected()).isEqualTo(1);
        assertThat(result.quarantine()).isEmpty();
    }

    @Test
    void resultRefusesBrokenInvariant() {
        IngestResult ok = Ingest.read(TWO_GOOD_ONE_BAD, ErrorPolicy.QUARANTINE, null, context);
        assertThatThrownBy(() -> new IngestResult(ok.events(), ok.report(), 4, 2, 1, ok.quarantine()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("read=4");
    }
}
