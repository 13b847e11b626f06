package io.deeppersona.core.serving.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The four statements a {@link ScoreBatchWriter} runs, prepared together and closed together. */
record ScoreStatements(PreparedStatement upsertRanks, PreparedStatement deleteRanks,
        PreparedStatement upsertPropensities, PreparedStatement deletePropensities) {

    /** Prepares all four, or none: if one fails, those prepared before it are closed. */
    static ScoreStatements prepare(Connection connection, String upsertRanks, String deleteRanks,
            String upsertPropensities, String deletePropensities) throws SQLException {
        List<PreparedStatement> prepared = new ArrayList<>(4);
        try {
            for (String sql : List.of(upsertRanks, deleteRanks, upsertPropensities, deletePropensities)) {
                prepared.add(connection.prepareStatement(sql));
            }
        } catch (SQLException | RuntimeException e) {
            try {
                closeAll(prepared);
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return new ScoreStatements(prepared.get(0), prepared.get(1), prepared.get(2), prepared.get(3));
    }

    List<PreparedStatement> all() {
        return List.of(upsertRanks, deleteRanks, upsertPropensities, deletePropensities);
    }

    /** Closes every statement even if one fails; the first failure is thrown with the others suppressed. */
    void close() throws SQLException {
        closeAll(all());
    }

    private static void closeAll(List<PreparedStatement> statements) throws SQLException {
        SQLException failure = null;
        for (PreparedStatement statement : statements) {
            try {
                statement.close();
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
