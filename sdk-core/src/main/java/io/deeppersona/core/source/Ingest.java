package io.deeppersona.core.source;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventLogBuilder;
import io.deeppersona.api.StageReport;
import io.deeppersona.spi.DataSource;
import io.deeppersona.spi.ProviderContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a {@link DataSource} into an {@link EventLog} under an {@link ErrorPolicy}.
 *
 * <pre>{@code
 * IngestResult result = Ingest.read(source, ErrorPolicy.QUARANTINE, Path.of("rejected.jsonl"), context);
 * EventLog events = result.events();   // result.rejected() records are in result.quarantine()
 * }</pre>
 *
 * @since 0.1
 */
public final class Ingest {
    private static final Logger LOG = LoggerFactory.getLogger(Ingest.class);

    private Ingest() {
    }

    /**
     * Reads every record of {@code source} once.
     *
     * @param quarantineFile where QUARANTINE writes rejected records, or {@code null} to only count them;
     *     ignored under FAIL_FAST
     * @throws io.deeppersona.api.error.DataSourceException if the source fails, or on the first bad record under
     *     FAIL_FAST
     */
    public static IngestResult read(DataSource source, ErrorPolicy policy, Path quarantineFile,
            ProviderContext context) {
        requireNonNull(source, "source is null");
        requireNonNull(policy, "policy is null");
        requireNonNull(context, "context is null");
        Instant start = context.clock().instant();
        EventLogBuilder builder = context.newEventLogBuilder();
        IngestSink sink = new IngestSink(builder, policy,
                policy == ErrorPolicy.QUARANTINE ? quarantineFile : null);
        try (sink) {
            source.read(sink);
        }
        // The quarantine is closed (flushed) before the log is built: a failed build must not lose rejects.
        EventLog events = builder.build();
        Duration elapsed = Duration.between(start, context.clock().instant());
        Map<String, Long> dropped = new LinkedHashMap<>();
        sink.rejectsPerField().forEach((field, count) -> dropped.put("rejected: " + field, count));
        StageReport report = new StageReport("read:" + source.description(), sink.read(), sink.accepted(), dropped,
                elapsed);
        if (sink.rejected() > 0) {
            LOG.warn("Read {} records from {}: {} accepted, {} rejected {}{}", sink.read(), source.description(),
                    sink.accepted(), sink.rejected(), dropped,
                    sink.quarantine().map(path -> ", quarantined in " + path).orElse(""));
        } else {
            LOG.info("Read {} records from {} in {} ms", sink.read(), source.description(), elapsed.toMillis());
        }
        return new IngestResult(events, report, sink.read(), sink.accepted(), sink.rejected(), sink.quarantine());
    }
}
