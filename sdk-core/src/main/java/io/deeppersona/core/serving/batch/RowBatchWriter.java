package io.deeppersona.core.serving.batch;

import io.deeppersona.core.serving.ScoredItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes a batch as one JDBC statement batch per statement, a row (or a customer) at a time: portable, and fast
 * enough for an embedded database such as H2.
 */
final class RowBatchWriter implements ScoreBatchWriter {
    private final List<String> campaigns;
    private final PreparedStatement upsertRanks;
    private final PreparedStatement deleteRanks;
    private final PreparedStatement upsertPropensities;
    private final PreparedStatement deletePropensities;

    /**
     * @param upsertRank (customer, rank, item, score, reason, version, time) -> insert or replace
     * @param deleteRanks (customer, ranks kept) -> delete the customer's higher ranks
     * @param upsertPropensity (customer, campaign, probability, version, time) -> insert or replace
     * @param deletePropensities (customer, campaigns...) -> delete the customer's other campaigns
     */
    RowBatchWriter(Connection connection, String upsertRank, String deleteRanks, String upsertPropensity,
            String deletePropensities, List<String> campaigns) throws SQLException {
        this.campaigns = List.copyOf(campaigns);
        List<PreparedStatement> prepared = JdbcStatements.prepareAll(connection, upsertRank, deleteRanks,
                upsertPropensity, deletePropensities);
        this.upsertRanks = prepared.get(0);
        this.deleteRanks = prepared.get(1);
        this.upsertPropensities = prepared.get(2);
        this.deletePropensities = prepared.get(3);
    }

    @Override
    public void write(Collection<ScoredCustomer> customers) throws SQLException {
        for (ScoredCustomer customer : customers) {
            addRows(customer);
        }
        upsertRanks.executeBatch();
        deleteRanks.executeBatch();
        upsertPropensities.executeBatch();
        deletePropensities.executeBatch();
    }

    private void addRows(ScoredCustomer customer) throws SQLException {
        OffsetDateTime scoredAt = OffsetDateTime.ofInstant(customer.scoredAt(), ZoneOffset.UTC);
        List<ScoredItem> items = customer.items();
        for (int i = 0; i < items.size(); i++) {
            ScoredItem item = items.get(i);
            upsertRanks.setString(1, customer.customerId());
            upsertRanks.setInt(2, i + 1);
            upsertRanks.setString(3, item.itemId());
            upsertRanks.setDouble(4, item.score());
            upsertRanks.setString(5, item.reason());
            upsertRanks.setString(6, customer.modelVersion());
            upsertRanks.setObject(7, scoredAt);
            upsertRanks.addBatch();
        }
        deleteRanks.setString(1, customer.customerId());
        deleteRanks.setInt(2, items.size());
        deleteRanks.addBatch();
        for (Map.Entry<String, Double> propensity : customer.propensities().entrySet()) {
            upsertPropensities.setString(1, customer.customerId());
            upsertPropensities.setString(2, propensity.getKey());
            upsertPropensities.setDouble(3, propensity.getValue());
            upsertPropensities.setString(4, customer.modelVersion());
            upsertPropensities.setObject(5, scoredAt);
            upsertPropensities.addBatch();
        }
        deletePropensities.setString(1, customer.customerId());
        for (int i = 0; i < campaigns.size(); i++) {
            deletePropensities.setString(i + 2, campaigns.get(i));
        }
        deletePropensities.addBatch();
    }

    @Override
    public void discard(Exception failure) {
        for (PreparedStatement statement : statements()) {
            try {
                statement.clearBatch();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        JdbcStatements.closeAll(statements());
    }

    private List<PreparedStatement> statements() {
        return List.of(upsertRanks, deleteRanks, upsertPropensities, deletePropensities);
    }
}
