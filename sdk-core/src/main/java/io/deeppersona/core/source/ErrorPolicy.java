package io.deeppersona.core.source;

/**
 * What ingest does with a record a data source could not turn into an event.
 *
 * @since 0.1
 */
public enum ErrorPolicy {
    /** Stop at the first bad record with a {@link io.deeppersona.api.error.DataSourceException} naming it. */
    FAIL_FAST,
    /** Keep reading; store each bad record with its reason in a quarantine file and count it per field. */
    QUARANTINE
}
