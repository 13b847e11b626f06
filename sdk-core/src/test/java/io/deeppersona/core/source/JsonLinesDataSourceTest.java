package io.deeppersona.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.spi.DataSource;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesDataSourceTest {
    private static final String LINES = """
            {"customer": 17850, "item": "85123A", "timestamp": 1291191960, "quantity": 6, "price": 2.55, "x": [1]}
            {"customer": null, "item": "71053", "timestamp": "1291191960", "quantity": "2", "price": null}

            {"customer": "c3", "item": "i3", "timestamp": 1291191960 "quantity": 1}
            [1, 2]
            {"customer": "c4", "item": {"nested": true}, "timestamp": 1291191960}
            {"customer": "c5", "item": "i5", "timestamp": 1291191960} trailing
            """;

    @Test
    void mapsFieldsByNameAndRejectsMalformedLinesWithTheirNumbers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("events.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(LINES.getBytes(StandardCharsets.UTF_8));
        }
        DataSource source = new JsonLinesDataSourceProvider().create(Map.of("path", file.toString(),
                "timeFormat", "epoch-seconds", "quantity", "quantity", "price", "price"),
                DefaultProviderContext.create());
        CollectingSink sink = new CollectingSink();
        source.read(sink);

        assertThat(sink.accepted()).hasSize(2);
        assertThat(sink.accepted().get(0).customerId()).isEqualTo("17850");
        assertThat(sink.accepted().get(0).value()).isEqualTo(6 * 2.55);
        assertThat(sink.accepted().get(0).timestamp()).hasToString("2010-12-01T08:26:00Z");
        assertThat(sink.accepted().get(1).customerId()).isNull();
        assertThat(sink.accepted().get(1).value()).isNaN();
        assertThat(sink.rejected()).extracting(r -> r.line()).containsExactly(4L, 5L, 6L, 7L);
        assertThat(sink.rejected().get(0).reason()).startsWith("malformed JSON at column").doesNotContain("c3");
        assertThat(sink.rejected().get(1).reason()).contains("found an array");
        assertThat(sink.rejected().get(2).reason()).contains("field 'item' holds an object");
        assertThat(sink.rejected().get(3).rawRecord()).endsWith("trailing");
    }
}
