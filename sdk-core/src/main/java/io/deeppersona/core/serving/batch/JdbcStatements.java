package io.deeppersona.core.serving.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Preparing and closing the score writers' statements as a group. */
final class JdbcStatements {
    private JdbcStatements() {
    }

    /** Prepares every statement, or none: if one fails, those prepared before it are closed. */
    static List<PreparedStatement> prepareAll(Connection connection, String... sql) throws SQLException {
        List<PreparedStatement> prepared = new ArrayList<>(sql.length);
        try {
            for (String statement : sql) {
                prepared.add(connection.prepareStatement(statement));
            }
            return prepared;
        } catch (SQLException | RuntimeException e) {
            try {
                closeAll(prepared);
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** Closes every statement even if one fails; the first failure is thrown with the others suppressed. */
    static void closeAll(List<? extends Statement> statements) throws SQLException {
        SQLException failure = null;
        for (Statement statement : statements) {
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
