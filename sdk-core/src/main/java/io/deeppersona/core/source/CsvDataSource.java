package io.deeppersona.core.source;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.deeppersona.api.RejectedRecord;
import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.api.error.DataSourceException;
import io.deeppersona.spi.DataSource;
import io.deeppersona.spi.EventSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams events from an RFC-4180 CSV file (quoted fields may hold delimiters and line breaks), optionally
 * gzip-compressed. A row whose column count differs from the header's is rejected; a header without a mapped
 * column fails with a {@link ConfigurationException} listing the header.
 *
 * <p>Immutable; each {@link #read} opens the file anew, so one instance may be read repeatedly (not concurrently
 * through one sink).
 *
 * @since 0.1
 */
public final class CsvDataSource implements DataSource {
    // One factory per class is enough: factories are thread-safe and only hold configuration.
    private static final CsvFactory CSV = CsvFactory.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private final Path path;
    private final CsvOptions options;
    private final ColumnMapping mapping;

    public CsvDataSource(CsvOptions options, ColumnMapping mapping) {
        this.options = requireNonNull(options, "options is null");
        this.mapping = requireNonNull(mapping, "mapping is null");
        this.path = Path.of(options.path());
    }

    @Override
    public String description() {
        return path.toString();
    }

    @Override
    public void read(EventSink sink) {
        requireNonNull(sink, "sink is null");
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(options.delimiter().charAt(0));
        try (BufferedReader reader = SourceFiles.open(path, options.charset(), options.gzip());
                CsvParser parser = CSV.createParser(reader)) {
            parser.setSchema(schema);
            List<String> row = new ArrayList<>();
            long line = nextRow(parser, row);
            if (line < 0) {
                return;
            }
            List<String> columns;
            if (options.header()) {
                columns = List.copyOf(row);
                line = nextRow(parser, row);
            } else {
                columns = new ArrayList<>();
                for (int i = 1; i <= row.size(); i++) {
                    columns.add(Integer.toString(i));
                }
            }
            RecordParser records = new RecordParser(description(), mapping, columns);
            int width = columns.size();
            while (line >= 0) {
                if (row.size() != width) {
                    sink.reject(new RejectedRecord(description(), line, "", "expected " + width
                            + " columns as in the " + (options.header() ? "header" : "first row") + ", found "
                            + row.size(), render(row.toArray(String[]::new))));
                } else {
                    // A fresh array per row: accepted events keep the strings, never the array.
                    records.parseInto(row.toArray(new String[width]), line, sink, this::render);
                }
                line = nextRow(parser, row);
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new DataSourceException("cannot parse " + description() + " as CSV near line " + line + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new DataSourceException("cannot read " + description() + ": " + e.getMessage(), e);
        }
    }

    /** Reads the next row's values into {@code row}; returns its first line number (0 if unknown), -1 at the end. */
    private static long nextRow(CsvParser parser, List<String> row) throws IOException {
        row.clear();
        JsonToken token = parser.nextToken();
        if (token == null) {
            return -1;
        }
        if (token != JsonToken.START_ARRAY) {
            throw new IllegalStateException("CSV parser without schema columns must yield arrays, got " + token);
        }
        // The START_ARRAY token has no location of its own; the row's first value has the row's first line.
        long line = 0;
        while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
            if (row.isEmpty()) {
                line = parser.currentTokenLocation().getLineNr();
            }
            row.add(parser.getText());
        }
        return Math.max(line, 0);
    }

    private String render(String[] values) {
        char delimiter = options.delimiter().charAt(0);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(delimiter);
            }
            String value = values[i] == null ? "" : values[i];
            if (value.indexOf(delimiter) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                    || value.indexOf('\r') >= 0) {
                out.append('"').append(value.replace("\"", "\"\"")).append('"');
            } else {
                out.append(value);
            }
        }
        return out.toString();
    }
}
