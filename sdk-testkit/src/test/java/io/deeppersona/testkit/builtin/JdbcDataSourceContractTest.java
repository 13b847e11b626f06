package io.deeppersona.testkit.builtin;

import io.deeppersona.api.CustomerEvent;
import io.deeppersona.core.source.JdbcDataSourceProvider;
import io.deeppersona.spi.DataSourceProvider;
import io.deeppersona.testkit.DataSourceContractTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;

/** Runs the contract against H2 in memory: one fresh database per test, with a password the source must hide. */
class JdbcDataSourceContractTest extends DataSourceContractTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String PASSWORD = "contract-S3cret";

    private final List<Connection> open = new ArrayList<>();

    @Override
    protected DataSourceProvider provider() {
        return new JdbcDataSourceProvider();
    }

    @Override
    protected Map<String, Object> writeInput(Path dir, List<CustomerEvent> events) throws Exception {
        return write(events, -1);
    }

    @Override
    protected BadInput writeInputWithOneBadRecord(Path dir, List<CustomerEvent> good) throws Exception {
        return new BadInput(write(good, 2), 3, "item_id");
    }

    @AfterEach
    void closeDatabases() throws Exception {
        for (Connection connection : open) {
            connection.close();
        }
    }

    /** Writes the events in order; when {@code badAt >= 0} a row without an item goes in at that position. */
    private Map<String, Object> write(List<CustomerEvent> events, int badAt) throws Exception {
        String url = "jdbc:h2:mem:contract" + DATABASES.incrementAndGet();
        // This connection keeps the in-memory database alive until the test ends.
        Connection connection = DriverManager.getConnection(url, "crm", PASSWORD);
        open.add(connection);
        try (Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE events (seq INT PRIMARY KEY, customer_id VARCHAR(40), item_id VARCHAR(40), "
                    + "ts TIMESTAMP(3), event_type VARCHAR(20), qty DOUBLE PRECISION, amount DOUBLE PRECISION)");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            for (int i = 0; i <= events.size(); i++) {
                if (i == badAt) {
                    insert.setInt(1, ++seq);
                    insert.setString(2, "c9");
                    insert.setNull(3, Types.VARCHAR);
                    insert.setObject(4, LocalDateTime.of(2024, 1, 1, 0, 0));
                    insert.setString(5, "purchase");
                    insert.setDouble(6, 1);
                    insert.setDouble(7, 1);
                    insert.executeUpdate();
                }
                if (i == events.size()) {
                    break;
                }
                CustomerEvent event = events.get(i);
                insert.setInt(1, ++seq);
                insert.setString(2, event.customerId());
                insert.setString(3, event.itemId());
                insert.setObject(4, LocalDateTime.ofInstant(event.timestamp(), ZoneOffset.UTC));
                insert.setString(5, event.type().name());
                setDouble(insert, 6, event.quantity());
                setDouble(insert, 7, event.value());
                insert.executeUpdate();
            }
        }
        Map<String, Object> options = new HashMap<>();
        options.put("url", url);
        options.put("user", "crm");
        options.put("password", PASSWORD);
        options.put("query", "SELECT customer_id, item_id, ts, event_type, qty, amount FROM events ORDER BY seq");
        options.put("customer", "customer_id");
        options.put("item", "item_id");
        options.put("time", "ts");
        options.put("type", "event_type");
        options.put("quantity", "qty");
        options.put("value", "amount");
        return options;
    }

    private static void setDouble(PreparedStatement insert, int column, double value) throws Exception {
        if (Double.isNaN(value)) {
            insert.setNull(column, Types.DOUBLE);
        } else {
            insert.setDouble(column, value);
        }
    }
}
