package io.deeppersona.spi;

/**
 * Reads customer events from one place: a file, a table, a collection. Streams records to the sink without
 * loading the whole input into memory.
 *
 * @since 0.1
 */
public interface DataSource {
    /** Returns where the data comes from, safe to log (a file name, a table name; never a password). */
    String description();

    /**
     * Reads every record once, passing each to {@code sink} as accepted or rejected. May be called again to read
     * the data anew.
     *
     * @throws io.deeppersona.api.error.DataSourceException if the source cannot be read (the cause attached), or
     *     if the sink refuses a rejected record under fail-fast
     */
    void read(EventSink sink);
}
