package io.deeppersona.core.serving.batch;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** The JDBC sink against an in-memory H2 database ({@code MERGE ... KEY}). */
class H2JdbcScoreSinkTest extends JdbcScoreSinkContract {
    @Override
    protected Connection openEmptySchema() throws SQLException {
        // A fresh named database per test; it lives as long as this connection.
        return DriverManager.getConnection("jdbc:h2:mem:scores-" + UUID.randomUUID());
    }

    @Override
    protected String createOtherSchema() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA crm");
        }
        return "crm";
    }
}
