package io.deeppersona.core.serving.batch;

import io.deeppersona.api.error.ConfigurationException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * The SQL a {@link JdbcScoreSink} runs, per database. Table names reach here only after {@link SqlIdentifiers}
 * checked them; every value is a statement parameter.
 */
enum SqlDialect {
    POSTGRESQL {
        @Override
        ScoreBatchWriter writer(Connection connection, String recommendationsTable, String propensitiesTable,
                List<String> campaigns) throws SQLException {
            return new ArrayBatchWriter(connection, recommendationsTable, propensitiesTable, campaigns);
        }
    },
    H2 {
        @Override
        ScoreBatchWriter writer(Connection connection, String recommendationsTable, String propensitiesTable,
                List<String> campaigns) throws SQLException {
            return new RowBatchWriter(connection,
                    "MERGE INTO " + recommendationsTable
                            + " (customer_id, rank, item_id, score, reason, model_version, scored_at)"
                            + " KEY (customer_id, rank) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    deleteStaleRanks(recommendationsTable),
                    "MERGE INTO " + propensitiesTable + " (customer_id, campaign, probability, model_version,"
                            + " scored_at) KEY (customer_id, campaign) VALUES (?, ?, ?, ?, ?)",
                    deleteStaleCampaigns(propensitiesTable, campaigns.size()), campaigns);
        }
    };

    /**
     * Picks the dialect from the connection's metadata.
     *
     * @throws ConfigurationException for any other database
     */
    static SqlDialect of(DatabaseMetaData metadata) throws SQLException {
        String product = metadata.getDatabaseProductName();
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            return POSTGRESQL;
        }
        if ("H2".equalsIgnoreCase(product)) {
            return H2;
        }
        throw new ConfigurationException("JDBC score sink supports PostgreSQL and H2, but the connection is to '"
                + product + "'; write to CSV or JSON lines and load the file instead");
    }

    /** Prepares the statements that write a batch into the two tables. */
    abstract ScoreBatchWriter writer(Connection connection, String recommendationsTable, String propensitiesTable,
            List<String> campaigns) throws SQLException;

    String createRecommendations(String table) {
        // VARCHAR without a length: unbounded in both databases, so no id or reason is ever cut or refused.
        return "CREATE TABLE IF NOT EXISTS " + table + " (customer_id VARCHAR NOT NULL, rank INTEGER NOT NULL,"
                + " item_id VARCHAR NOT NULL, score DOUBLE PRECISION NOT NULL, reason VARCHAR NOT NULL,"
                + " model_version VARCHAR NOT NULL, scored_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                + " PRIMARY KEY (customer_id, rank))";
    }

    String createPropensities(String table) {
        return "CREATE TABLE IF NOT EXISTS " + table + " (customer_id VARCHAR NOT NULL, campaign VARCHAR NOT NULL,"
                + " probability DOUBLE PRECISION NOT NULL, model_version VARCHAR NOT NULL,"
                + " scored_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (customer_id, campaign))";
    }

    /** Deletes a customer's ranks beyond the number just written (a re-run with a smaller k, or fewer items). */
    String deleteStaleRanks(String table) {
        return "DELETE FROM " + table + " WHERE customer_id = ? AND rank > ?";
    }

    /** Deletes a customer's propensities for campaigns not scored in this run; {@code campaigns} placeholders. */
    String deleteStaleCampaigns(String table, int campaigns) {
        if (campaigns == 0) {
            return "DELETE FROM " + table + " WHERE customer_id = ?";
        }
        return "DELETE FROM " + table + " WHERE customer_id = ? AND campaign NOT IN ("
                + String.join(", ", Collections.nCopies(campaigns, "?")) + ")";
    }
}
