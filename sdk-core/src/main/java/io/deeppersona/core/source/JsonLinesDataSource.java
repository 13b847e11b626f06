package io.deeppersona.core.source;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.deeppersona.api.RejectedRecord;
import io.deeppersona.api.error.DataSourceException;
import io.deeppersona.spi.DataSource;
import io.deeppersona.spi.EventSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams events from a JSON-lines file (one object per line, optionally gzip-compressed), mapping fields by
 * name; values may be strings, numbers, booleans or null. A line that is not one JSON object is rejected with its
 * line number; blank lines are skipped.
 *
 * <p>Immutable; each {@link #read} opens the file anew.
 *
 * @since 0.1
 */
public final class JsonLinesDataSource implements DataSource {
    private static final JsonFactory JSON = new JsonFactory();

    private final Path path;
    private final JsonLinesOptions options;
    private final ColumnMapping mapping;

    public JsonLinesDataSource(JsonLinesOptions options, ColumnMapping mapping) {
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
        List<String> columns = mapping.columns();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            index.put(columns.get(i), i);
        }
        RecordParser records = new RecordParser(description(), mapping, columns);
        try (BufferedReader reader = SourceFiles.open(path, options.charset(), options.gzip())) {
            long line = 0;
            String text;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String[] values = new String[columns.size()];
                String problem = fields(text, index, values);
                String raw = text;
                if (problem != null) {
                    sink.reject(new RejectedRecord(description(), line, "", problem, raw));
                } else {
                    records.parseInto(values, line, sink, ignored -> raw);
                }
            }
        } catch (IOException e) {
            throw new DataSourceException("cannot read " + description() + ": " + e.getMessage(), e);
        }
    }

    /** Fills {@code values} from one line; returns why the line is not a flat JSON object, or null if it is. */
    private static String fields(String text, Map<String, Integer> index, String[] values) {
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return "expected one JSON object per line, found " + describe(parser.currentToken());
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                token = parser.nextToken();
                Integer column = index.get(name);
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    if (column != null) {
                        return "field '" + name + "' holds " + describe(token)
                                + "; expected a string, number or null";
                    }
                    parser.skipChildren();
                } else if (column != null) {
                    values[column] = token == JsonToken.VALUE_NULL ? null : parser.getText();
                }
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return "expected one JSON object per line, found more after column "
                        + parser.currentLocation().getColumnNr();
            }
            return null;
        } catch (JsonProcessingException e) {
            // Jackson's message may quote the line, and so a customer id; the column says enough.
            long column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            return "malformed JSON at column " + column + "; expected one JSON object per line";
        } catch (IOException e) {
            throw new IllegalStateException("reading a String cannot fail", e);
        }
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }
}
