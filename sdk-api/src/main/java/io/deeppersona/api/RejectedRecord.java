package io.deeppersona.api;

import static java.util.Objects.requireNonNull;

/**
 * An input record a data source could not turn into an event, with where it was and why.
 *
 * @param source the file, table or stream it came from (no credentials), e.g. {@code "events.csv"}
 * @param line 1-based line (or row) number in the source, counting a header as line 1; 0 when unknown
 * @param field the offending field or column, or {@code ""} when the whole record is bad
 * @param reason what is wrong and what was expected, e.g. {@code "cannot parse '31/02/2011' as yyyy-MM-dd"};
 *     it never quotes a personal identifier
 * @param rawRecord the record as read, kept so nothing is lost; written only to the quarantine, never logged
 * @since 0.1
 */
public record RejectedRecord(String source, long line, String field, String reason, String rawRecord) {
    public RejectedRecord {
        requireNonNull(source, "source is null");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0, got " + line);
        }
        requireNonNull(field, "field is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(rawRecord, "rawRecord is null");
    }

    /** Returns {@code source:line: field: reason}, safe to log (it omits the raw record). */
    public String describe() {
        return source + ":" + line + (field.isEmpty() ? "" : ": field '" + field + "'") + ": " + reason;
    }
}
