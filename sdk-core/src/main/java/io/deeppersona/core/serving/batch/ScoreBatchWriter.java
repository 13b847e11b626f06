package io.deeppersona.core.serving.batch;

import java.sql.SQLException;
import java.util.Collection;

/**
 * Writes one batch of customers' rows inside the {@link JdbcScoreSink}'s open transaction: upserts their ranks and
 * propensities and deletes their stale ones. One implementation per way of talking to the database; the sink owns
 * the transaction.
 */
interface ScoreBatchWriter {

    /** Writes the rows of {@code customers} (distinct ids) without committing. */
    void write(Collection<ScoredCustomer> customers) throws SQLException;

    /** Forgets whatever a failed {@link #write} left queued; problems are added to {@code failure}. */
    void discard(Exception failure);

    /** Closes the statements; the connection stays open. */
    void close() throws SQLException;
}
