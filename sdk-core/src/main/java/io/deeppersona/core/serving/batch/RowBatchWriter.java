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
    private final ScoreStatements statements;

    /**
     * @param upsertRank (customer, rank, item, score, reason, version, time) -> insert or replace
     * @param deleteRanks (customer, ranks kept) -> delete the customer's higher ranks
     * @param upsertPropensity (customer, campaign, probability, version, time) -> insert or replace
     * @param deletePropensities (customer, campaigns...) -> delete the customer's other campaigns
     */
    RowBatchWriter(Connection connection, String upsertRank, String deleteRanks, String upsertPropensity,
            String deletePropensities, List<String> campaigns) throws SQLException {
        this.campaigns = List.copyOf(campaigns);
        this.statements = ScoreStatements.prepare(connection, upsertRank, deleteRanks, upsertPropensity,
                deletePropensities);
    }

    @Override
    public void write(Collection<ScoredCustomer> customers) throws SQLException {
        for (ScoredCustomer customer : customers) {
            addRows(customer);
        }
        for (PreparedStatement statement : statements.all()) {
            statement.executeBatch();
        }
    }

    private void addRows(ScoredCustomer customer) throws SQLException {
        OffsetDateTime scoredAt = OffsetDateTime.ofInstant(customer.scoredAt(), ZoneOffset.UTC);
        List<ScoredItem> items = customer.items();
        PreparedStatement ranks = statements.upsertRanks();
        for (int i = 0; i < items.size(); i++) {
            ScoredItem item = items.get(i);
            ranks.setString(1, customer.customerId());
            ranks.setInt(2, i + 1);
            ranks.setString(3, item.itemId());
            ranks.setDouble(4, item.score());
            ranks.setString(5, item.reason());
            ranks.setString(6, customer.modelVersion());
            ranks.setObject(7, scoredAt);
            ranks.addBatch();
        }
        PreparedStatement staleRanks = statements.deleteRanks();
        staleRanks.setString(1, customer.customerId());
        staleRanks.setInt(2, items.size());
        staleRanks.addBatch();
        PreparedStatement propensities = statements.upsertPropensities();
        for (Map.Entry<String, Double> propensity : customer.propensities().entrySet()) {
            propensities.setString(1, customer.customerId());
            propensities.setString(2, propensity.getKey());
            propensities.setDouble(3, propensity.getValue());
            propensities.setString(4, customer.modelVersion());
            propensities.setObject(5, scoredAt);
            propensities.addBatch();
        }
        PreparedStatement staleCampaigns = statements.deletePropensities();
        staleCampaigns.setString(1, customer.customerId());
        for (int i = 0; i < campaigns.size(); i++) {
            staleCampaigns.setString(i + 2, campaigns.get(i));
        }
        staleCampaigns.addBatch();
    }

    @Override
    public void discard(Exception failure) {
        for (PreparedStatement statement : statements.all()) {
            try {
                statement.clearBatch();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        statements.close();
    }

}
