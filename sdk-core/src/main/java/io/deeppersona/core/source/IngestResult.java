package io.deeppersona.core.source;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.EventLog;
import io.deeppersona.api.StageReport;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@link Ingest#read} produced: the accepted events, a stage report and the record counts.
 *
 * @param events the accepted events
 * @param report stage {@code "read:<description>"}, rows in = read, rows out = accepted, dropped per field
 * @param read records the source produced
 * @param accepted records that became events
 * @param rejected records rejected (and quarantined, if a file was given)
 * @param quarantine the quarantine file, when at least one record was written to it
 * @since 0.1
 */
public record IngestResult(EventLog events, StageReport report, long read, long accepted, long rejected,
        Optional<Path> quarantine) {
    public IngestResult {
        requireNonNull(events, "events is null");
        requireNonNull(report, "report is null");
        requireNonNull(quarantine, "quarantine is null");
        if (read != accepted + rejected) {
            throw new IllegalArgumentException("read must equal accepted + rejected, got read=" + read
                    + " accepted=" + accepted + " rejected=" + rejected);
        }
    }
}
