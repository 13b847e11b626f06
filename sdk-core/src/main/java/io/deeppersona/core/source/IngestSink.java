package io.deeppersona.core.source;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.deeppersona.api.CustomerEvent;
import io.deeppersona.api.EventLogBuilder;
import io.deeppersona.api.RejectedRecord;
import io.deeppersona.api.error.DataSourceException;
import io.deeppersona.api.error.ErrorCode;
import io.deeppersona.core.SdkJson;
import io.deeppersona.spi.EventSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link EventSink} that applies an {@link ErrorPolicy} while collecting accepted events into an
 * {@link EventLogBuilder}, and counts what it saw: records read = accepted + rejected, always.
 *
 * <p>Under {@link ErrorPolicy#QUARANTINE} each rejected record becomes one JSON line
 * {@code {"source","line","field","reason","record"}} in the quarantine file, which is created on the first reject
 * (a clean read leaves no empty file behind). Single-threaded; {@link #close()} flushes the quarantine.
 */
public final class IngestSink implements EventSink, AutoCloseable {
    private static final ObjectWriter JSON_LINE = SdkJson.json().writer()
            .without(SerializationFeature.INDENT_OUTPUT);

    private final EventLogBuilder events;
    private final ErrorPolicy policy;
    private final Path quarantineFile;
    private final Map<String, Long> rejectsPerField = new LinkedHashMap<>();
    private Writer quarantine;
    private long accepted;
    private long rejected;

    /**
     * @param events receives the accepted events
     * @param policy what to do with rejected records
     * @param quarantineFile where QUARANTINE writes rejected records, or {@code null} to count them only
     */
    public IngestSink(EventLogBuilder events, ErrorPolicy policy, Path quarantineFile) {
        this.events = requireNonNull(events, "events is null");
        this.policy = requireNonNull(policy, "policy is null");
        this.quarantineFile = quarantineFile;
    }

    @Override
    public void accept(CustomerEvent event) {
        events.add(event);
        accepted++;
    }

    /**
     * Fails under FAIL_FAST, else records the reject.
     *
     * @throws DataSourceException with {@link ErrorCode#DATA_INVALID} under FAIL_FAST, naming source, line and field;
     *     with {@link ErrorCode#DATA_SOURCE_FAILED} if the quarantine file cannot be written
     */
    @Override
    public void reject(RejectedRecord record) {
        requireNonNull(record, "record is null");
        rejected++;
        if (policy == ErrorPolicy.FAIL_FAST) {
            throw new DataSourceException(ErrorCode.DATA_INVALID, record.describe(), null);
        }
        rejectsPerField.merge(record.field().isEmpty() ? "record" : record.field(), 1L, Long::sum);
        if (quarantineFile != null) {
            writeQuarantine(record);
        }
    }

    /** Returns the number of records read so far: accepted plus rejected. */
    public long read() {
        return accepted + rejected;
    }

    /** Returns the number of events accepted so far. */
    public long accepted() {
        return accepted;
    }

    /** Returns the number of records rejected so far. */
    public long rejected() {
        return rejected;
    }

    /** Returns rejects counted per field ({@code "record"} when the whole record was bad), in first-seen order. */
    public Map<String, Long> rejectsPerField() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(rejectsPerField));
    }

    /** Returns the quarantine file if anything was written to it. */
    public Optional<Path> quarantine() {
        return quarantine == null ? Optional.empty() : Optional.of(quarantineFile);
    }

    private void writeQuarantine(RejectedRecord record) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("source", record.source());
        line.put("line", record.line());
        line.put("field", record.field());
        line.put("reason", record.reason());
        line.put("record", record.rawRecord());
        try {
            if (quarantine == null) {
                Path parent = quarantineFile.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                quarantine = new BufferedWriter(Files.newBufferedWriter(quarantineFile, StandardCharsets.UTF_8));
            }
            quarantine.write(JSON_LINE.writeValueAsString(line));
            quarantine.write('\n');
        } catch (IOException | UncheckedIOException e) {
            throw new DataSourceException("cannot write quarantine file " + quarantineFile + ": " + e.getMessage(), e);
        }
    }

    /** Flushes and closes the quarantine file, if one was opened. Idempotent. */
    @Override
    public void close() {
        if (quarantine == null) {
            return;
        }
        try {
            quarantine.close();
        } catch (IOException e) {
            throw new DataSourceException("cannot close quarantine file " + quarantineFile + ": " + e.getMessage(), e);
        }
    }
}
