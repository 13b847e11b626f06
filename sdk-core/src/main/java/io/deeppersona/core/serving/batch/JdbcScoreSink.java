package io.deeppersona.core.serving.batch;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.api.error.DataSourceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upserts scores into two tables, one transaction per batch of customers:
 * <pre>
 * dp_recommendations(customer_id, rank, item_id, score, reason, model_version, scored_at)  PK (customer_id, rank)
 * dp_propensities(customer_id, campaign, probability, model_version, scored_at)           PK (customer_id, campaign)
 * </pre>
 * A customer's rows are replaced whole: ranks beyond those just written, and campaigns not scored in this run, are
 * deleted in the same transaction. A failed batch is rolled back, so the tables hold only whole batches and every
 * customer's rows come from one run; running again is idempotent. PostgreSQL ({@code INSERT ... SELECT FROM unnest
 * ... ON CONFLICT}, a batch's rows sent as arrays) and H2 ({@code MERGE ... KEY}, row by row) are supported, chosen
 * from the connection's metadata. A customer written twice in one batch keeps the later scores.
 *
 * <p>The caller owns the connection: the sink turns auto-commit off while it runs and restores it on
 * {@link #close}, but never closes the connection. Not thread-safe, like the connection.
 */
public final class JdbcScoreSink implements ScoreSink {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcScoreSink.class);

    private final Connection connection;
    private final String recommendationsTable;
    private final String propensitiesTable;
    private final int batchSize;
    private final boolean createTables;
    /** The batch being collected, by customer id: a repeat within a batch replaces the earlier scores. */
    private final Map<String, ScoredCustomer> pending = new LinkedHashMap<>();

    private boolean autoCommitBefore;
    private ScoreBatchWriter writer;
    private int batches;
    private int committedCustomers;
    /** Time spent writing and committing, reported at the end: scoring and writing take turns on one thread. */
    private long writeNanos;
    private boolean closed;

    private JdbcScoreSink(Builder builder) {
        this.connection = builder.connection;
        this.recommendationsTable = builder.recommendationsTable;
        this.propensitiesTable = builder.propensitiesTable;
        this.batchSize = builder.batchSize;
        this.createTables = builder.createTables;
    }

    /** Returns a builder writing through {@code connection}; single-threaded and single-use. */
    public static Builder builder(Connection connection) {
        return new Builder(connection);
    }

    /** Returns how many customers are committed so far. */
    public int committedCustomers() {
        return committedCustomers;
    }

    @Override
    public void begin(ScoreLayout layout) {
        requireNonNull(layout, "layout is null");
        if (writer != null || closed) {
            throw new IllegalStateException("A JDBC score sink is used for one run; make a new one");
        }
        try {
            SqlDialect dialect = SqlDialect.of(connection.getMetaData());
            autoCommitBefore = connection.getAutoCommit();
            connection.setAutoCommit(false);
            if (createTables) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(dialect.createRecommendations(recommendationsTable));
                    statement.execute(dialect.createPropensities(propensitiesTable));
                }
                connection.commit();
            }
            writer = dialect.writer(connection, recommendationsTable, propensitiesTable, layout.campaigns());
        } catch (SQLException e) {
            rollbackQuietly(e);
            throw new DataSourceException("Cannot prepare score tables " + recommendationsTable + " and "
                    + propensitiesTable + ": " + e.getMessage() + " (SQLState " + e.getSQLState() + ")", e);
        }
    }

    @Override
    public void write(ScoredCustomer customer) {
        requireNonNull(customer, "customer is null");
        if (writer == null) {
            throw new IllegalStateException("begin(...) was not called");
        }
        pending.remove(customer.customerId());
        pending.put(customer.customerId(), customer);
        if (pending.size() >= batchSize) {
            flush();
        }
    }

    @Override
    public void finish() {
        if (writer == null) {
            throw new IllegalStateException("begin(...) was not called");
        }
        if (!pending.isEmpty()) {
            flush();
        }
        LOG.info("Committed {} customers in {} batches to {} and {} ({} ms writing)", committedCustomers, batches,
                recommendationsTable, propensitiesTable, writeNanos / 1_000_000);
    }

    private void flush() {
        int batch = batches + 1;
        long start = System.nanoTime();
        try {
            writer.write(pending.values());
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(e);
            writer.discard(e);
            int size = pending.size();
            pending.clear();
            throw new DataSourceException("Cannot write batch " + batch + " (customers #" + (committedCustomers + 1)
                    + " to #" + (committedCustomers + size) + ") to " + recommendationsTable + " and "
                    + propensitiesTable + ": " + describe(e) + "; that batch was rolled back, the "
                    + committedCustomers + " customers before it are committed, and a re-run overwrites them", e);
        }
        writeNanos += System.nanoTime() - start;
        batches = batch;
        committedCustomers += pending.size();
        pending.clear();
    }

    /** Discards an unfinished batch, rolls back, restores auto-commit; the connection stays open. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pending.clear();
        if (writer == null) {
            return;
        }
        SQLException failure = null;
        try {
            writer.close();
        } catch (SQLException e) {
            failure = e;
        }
        try {
            connection.rollback();
            // Only after the rollback: switching auto-commit back on would commit an open transaction.
            connection.setAutoCommit(autoCommitBefore);
        } catch (SQLException e) {
            failure = addTo(failure, e);
        }
        if (failure != null) {
            throw new DataSourceException("Cannot release the score tables' statements: " + failure.getMessage(),
                    failure);
        }
    }

    private void rollbackQuietly(Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static SQLException addTo(SQLException first, SQLException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    private static String describe(Exception e) {
        if (e instanceof SQLException sql) {
            // A batch failure often hides the real reason in the chained exception.
            SQLException next = sql.getNextException();
            return sql.getMessage() + " (SQLState " + sql.getSQLState() + ")"
                    + (next != null && next != sql ? "; " + next.getMessage() : "");
        }
        return e.toString();
    }

    /** Configures a {@link JdbcScoreSink}. Single-threaded and single-use. */
    public static final class Builder {
        private final Connection connection;
        private String recommendationsTable = "dp_recommendations";
        private String propensitiesTable = "dp_propensities";
        private int batchSize = 500;
        private boolean createTables = true;
        private boolean built;

        private Builder(Connection connection) {
            this.connection = requireNonNull(connection, "connection is null");
        }

        /**
         * The table of ranked items; default {@code dp_recommendations}.
         *
         * @throws io.deeppersona.api.error.ConfigurationException unless a plain, optionally schema-qualified name
         */
        public Builder recommendationsTable(String table) {
            this.recommendationsTable = SqlIdentifiers.table("recommendationsTable", table);
            return this;
        }

        /**
         * The table of propensities; default {@code dp_propensities}.
         *
         * @throws io.deeppersona.api.error.ConfigurationException unless a plain, optionally schema-qualified name
         */
        public Builder propensitiesTable(String table) {
            this.propensitiesTable = SqlIdentifiers.table("propensitiesTable", table);
            return this;
        }

        /** Customers per transaction; default 500. */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1 || batchSize > 100_000) {
                throw new IllegalArgumentException("batchSize must be in [1, 100000], got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Whether {@link #begin} creates missing tables; default true. */
        public Builder createTables(boolean createTables) {
            this.createTables = createTables;
            return this;
        }

        /** Builds the sink; it touches the database only from {@link JdbcScoreSink#begin} on. */
        public JdbcScoreSink build() {
            if (built) {
                throw new IllegalStateException("This builder was used already; make a new one");
            }
            if (recommendationsTable.equalsIgnoreCase(propensitiesTable)) {
                throw new ConfigurationException("recommendationsTable and"
                        + " propensitiesTable must differ, both are '" + recommendationsTable + "'");
            }
            built = true;
            return new JdbcScoreSink(this);
        }
    }
}
