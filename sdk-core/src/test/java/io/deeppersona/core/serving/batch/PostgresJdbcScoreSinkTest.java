package io.deeppersona.core.serving.batch;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The JDBC sink against a real PostgreSQL ({@code INSERT ... ON CONFLICT}), each test in a fresh schema.
 *
 * <p>The server's JDBC URL comes from {@code DEEPPERSONA_TEST_POSTGRES_URL}; {@code .ci/postgres start} starts a
 * loopback server and prints one. Without it the tests skip, unless {@code DEEPPERSONA_REQUIRE_POSTGRES=true}
 * (set by {@code .ci/run}), which makes a missing server a failure.
 */
class PostgresJdbcScoreSinkTest extends JdbcScoreSinkContract {
    static final String URL_VARIABLE = "DEEPPERSONA_TEST_POSTGRES_URL";
    static final String REQUIRE_VARIABLE = "DEEPPERSONA_REQUIRE_POSTGRES";
    private static final Random NAMES = new Random(20250201L);

    private final List<String> schemas = new ArrayList<>();

    static String requireUrl() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            String message = URL_VARIABLE + " is not set: no PostgreSQL for the JDBC sink tests."
                    + " Run `export " + URL_VARIABLE + "=$(.ci/postgres start)` to start one on loopback";
            if (Boolean.parseBoolean(System.getenv(REQUIRE_VARIABLE))) {
                fail(message + " (" + REQUIRE_VARIABLE + "=true makes this a failure, not a skip)");
            }
            assumeTrue(false, message + "; skipping");
        }
        return url;
    }

    @Override
    protected Connection openEmptySchema() throws SQLException {
        Connection opened = DriverManager.getConnection(requireUrl());
        String schema = newSchema(opened);
        opened.setSchema(schema);
        return opened;
    }

    @Override
    protected String createOtherSchema() throws SQLException {
        return newSchema(connection);
    }

    private String newSchema(Connection on) throws SQLException {
        String name;
        synchronized (NAMES) {
            name = "dp_test_" + Long.toHexString(NAMES.nextLong() & Long.MAX_VALUE) + "_" + ProcessHandle.current().pid();
        }
        try (Statement statement = on.createStatement()) {
            statement.execute("CREATE SCHEMA " + name);
        }
        schemas.add(name);
        return name;
    }

    @Override
    protected void dropSchemas() throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
        try (Statement statement = connection.createStatement()) {
            for (String schema : schemas) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }
}
