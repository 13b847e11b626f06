package io.deeppersona.core.serving.batch;

/**
 * Where a {@link BatchScorer} writes its results: {@link #begin} once, {@link #write} per customer in input order,
 * then {@link #finish} once if, and only if, every customer was scored. {@link #close} always follows; without a
 * preceding {@code finish} it discards what is not yet durable (a sink never publishes a half result it can avoid:
 * files appear only on {@code finish}, a JDBC batch is committed whole or not at all).
 *
 * <p>Used by one thread at a time; the scorer owns neither the sink nor its resources, the caller closes it.
 */
public interface ScoreSink extends AutoCloseable {
    /** Prepares for a run of this shape; called once before the first {@link #write}. */
    void begin(ScoreLayout layout);

    /**
     * Writes one customer's result; a sink may buffer it until its batch is full or {@link #finish} is called.
     *
     * @throws io.deeppersona.api.error.DataSourceException if the target cannot be written
     */
    void write(ScoredCustomer customer);

    /**
     * Makes everything written durable and visible: flushes the last batch, or moves the finished file in place.
     *
     * @throws io.deeppersona.api.error.DataSourceException if the target cannot be written
     */
    void finish();

    /** Releases resources and discards whatever {@link #finish} did not make durable; idempotent. */
    @Override
    void close();
}
