package io.deeppersona.testkit.builtin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deeppersona.api.CustomerEvent;
import io.deeppersona.core.source.JsonLinesDataSourceProvider;
import io.deeppersona.spi.DataSourceProvider;
import io.deeppersona.testkit.DataSourceContractTest;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Writes gzip-compressed JSON lines, numbers as JSON numbers, so gzip detection and numeric fields are covered. */
class JsonLinesDataSourceContractTest extends DataSourceContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected DataSourceProvider provider() {
        return new JsonLinesDataSourceProvider();
    }

    @Override
    protected Map<String, Object> writeInput(Path dir, List<CustomerEvent> events) throws Exception {
        List<String> lines = new ArrayList<>();
        for (CustomerEvent event : events) {
            lines.add(line(event));
        }
        return options(write(dir.resolve("events.jsonl.gz"), lines));
    }

    @Override
    protected BadInput writeInputWithOneBadRecord(Path dir, List<CustomerEvent> good) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(line(good.get(0)));
        lines.add(line(good.get(1)));
        lines.add("{\"customer\": \"c9\", \"item\": \"i9\", \"timestamp\": ");
        for (CustomerEvent event : good.subList(2, good.size())) {
            lines.add(line(event));
        }
        return new BadInput(options(write(dir.resolve("events.jsonl.gz"), lines)), 3, "");
    }

    private static Map<String, Object> options(Path file) {
        Map<String, Object> options = new HashMap<>();
        options.put("path", file.toString());
        options.put("type", "type");
        options.put("quantity", "quantity");
        options.put("value", "value");
        options.put("timeFormat", "epoch-millis");
        return options;
    }

    private static String line(CustomerEvent event) throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("customer", event.customerId());
        fields.put("item", event.itemId());
        fields.put("timestamp", event.timestamp().toEpochMilli());
        fields.put("type", event.type().name());
        fields.put("quantity", Double.isNaN(event.quantity()) ? null : event.quantity());
        fields.put("value", Double.isNaN(event.value()) ? null : event.value());
        return JSON.writeValueAsString(fields);
    }

    private static Path write(Path file, List<String> lines) throws Exception {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}
