package io.deeppersona.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.api.error.DataSourceException;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.spi.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcDataSourceTest {
    private static final String URL = "jdbc:h2:mem:jdbc_source_test;DB_CLOSE_DELAY=-1";
    private static final String PASSWORD = "s3cret-Pw";
    private Connection keepAlive;

    @BeforeEach
    void createTable() throws Exception {
        keepAlive = DriverManager.getConnection(URL, "crm", PASSWORD);
        try (Statement sql = keepAlive.createStatement()) {
            sql.execute("CREATE TABLE events (customer_id VARCHAR(20), item VARCHAR(20), at TIMESTAMP, "
                    + "epoch BIGINT, qty DOUBLE, amount DECIMAL(10, 2))");
            sql.execute("INSERT INTO events VALUES ('c1', 'i1', TIMESTAMP '2024-01-01 10:00:00', 1704103200, 2, "
                    + "3.50), (NULL, 'i2', TIMESTAMP '2024-01-02 00:00:00.5', 1704153600, NULL, NULL), "
                    + "('c3', NULL, TIMESTAMP '2024-01-03 00:00:00', 1704240000, 1, 1)");
        }
    }

    @AfterEach
    void dropDatabase() throws Exception {
        try (Statement sql = keepAlive.createStatement()) {
            sql.execute("DROP ALL OBJECTS");
        }
        keepAlive.close();
    }

    private static DataSource source(Map<String, Object> extra) {
        Map<String, Object> options = new HashMap<>(Map.of("url", URL, "user", "crm", "password", PASSWORD,
                "customer", "customer_id", "quantity", "qty", "value", "amount"));
        options.putAll(extra);
        return new JdbcDataSourceProvider().create(options, DefaultProviderContext.create());
    }

    @Test
    void readsATableWithSqlTimestampsAsUtc() {
        CollectingSink sink = new CollectingSink();
        DataSource source = source(Map.of("table", "events", "time", "at", "fetchSize", 2));
        source.read(sink);

        assertThat(sink.accepted()).hasSize(2);
        assertThat(sink.accepted().get(0).customerId()).isEqualTo("c1");
        assertThat(sink.accepted().get(0).timestamp()).hasToString("2024-01-01T10:00:00Z");
        assertThat(sink.accepted().get(0).value()).isEqualTo(3.5);
        assertThat(sink.accepted().get(1).customerId()).isNull();
        assertThat(sink.accepted().get(1).timestamp()).hasToString("2024-01-02T00:00:00.500Z");
        assertThat(sink.accepted().get(1).quantity()).isNaN();
        assertThat(sink.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.field()).isEqualTo("item");
        });
        assertThat(source.description()).isEqualTo("jdbc:h2:mem:jdbc_source_test table events")
                .doesNotContain(PASSWORD);
    }

    @Test
    void readsAQueryWithEpochSeconds() {
        CollectingSink sink = new CollectingSink();
        source(Map.of("query", "SELECT customer_id, item, epoch, qty, amount FROM events WHERE item IS NOT NULL",
                "time", "epoch", "timeFormat", "epoch-seconds")).read(sink);
        assertThat(sink.accepted()).extracting(e -> e.timestamp().toString())
                .containsExactly("2024-01-01T10:00:00Z", "2024-01-02T00:00:00Z");
    }

    @Test
    void neverShowsThePassword() {
        DataSource wrongTable = source(Map.of("table", "nope", "time", "at"));
        assertThatThrownBy(() -> wrongTable.read(new CollectingSink()))
                .isInstanceOf(DataSourceException.class)
                .hasMessageContaining("NOPE")
                .hasMessageNotContaining(PASSWORD);
        DataSource wrongPassword = new JdbcDataSourceProvider().create(Map.of("url", URL, "user", "crm",
                "password", "wrong-" + PASSWORD, "table", "events"), DefaultProviderContext.create());
        assertThatThrownBy(() -> wrongPassword.read(new CollectingSink()))
                .isInstanceOf(DataSourceException.class)
                .hasMessageNotContaining(PASSWORD);
        assertThat(new JdbcOptions(URL, "crm", PASSWORD, null, "events", null).toString())
                .doesNotContain(PASSWORD);
        assertThat(JdbcUrls.redact("jdbc:postgresql://u:pw@db:5432/crm?password=pw"))
                .isEqualTo("jdbc:postgresql://db:5432/crm");
    }

    @Test
    void needsExactlyOneOfQueryAndTable() {
        assertThatThrownBy(() -> source(Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("neither");
        assertThatThrownBy(() -> source(Map.of("table", "events; DROP TABLE events")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("plain table name");
    }
}
