package io.deeppersona.core.source;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.error.DataSourceException;
import io.deeppersona.spi.DataSource;
import io.deeppersona.spi.EventSink;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams events from a SQL query (or a whole table) through any JDBC driver on the class path, mapping columns by
 * label. A time column of SQL type TIMESTAMP is taken as UTC, DATE as midnight UTC, TIMESTAMP WITH TIME ZONE as its
 * instant; any other time column is read as text and parsed with the mapping's {@code timeFormat} (for example
 * epoch seconds in a BIGINT). Rows are numbered from 1.
 *
 * <p>The password is used to connect and nowhere else: not in {@link #description()}, messages or logs. Each
 * {@link #read} opens and closes its own connection.
 *
 * @since 0.1
 */
public final class JdbcDataSource implements DataSource {
    private final JdbcOptions options;
    private final ColumnMapping mapping;
    private final String description;

    public JdbcDataSource(JdbcOptions options, ColumnMapping mapping) {
        this.options = requireNonNull(options, "options is null");
        this.mapping = requireNonNull(mapping, "mapping is null");
        // Table names are safe to show; a query may hold literals, so it is only named as such.
        this.description = JdbcUrls.redact(options.url()) + (options.table() != null ? " table " + options.table()
                : " query");
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void read(EventSink sink) {
        requireNonNull(sink, "sink is null");
        try (Connection connection = DriverManager.getConnection(options.url(), options.user(), options.password())) {
            // Some drivers (PostgreSQL) stream with a fetch size only outside auto-commit.
            boolean autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
            try (PreparedStatement statement = connection.prepareStatement(options.sql(), ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(options.fetchSize());
                try (ResultSet rows = statement.executeQuery()) {
                    readRows(rows, sink);
                }
            } finally {
                if (autoCommit) {
                    connection.rollback();
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private void readRows(ResultSet rows, EventSink sink) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        // Databases upper-case unquoted names (H2, Oracle) or lower-case them (PostgreSQL); a mapped name matches
        // a label of another case when nothing matches exactly.
        for (String mapped : mapping.columns()) {
            int found = labelIndex(columns, mapped);
            if (found >= 0) {
                columns.set(found, mapped);
            }
        }
        int timeColumn = columns.indexOf(mapping.time());
        int timeType = timeColumn < 0 ? Types.VARCHAR : meta.getColumnType(timeColumn + 1);
        boolean sqlTime = timeType == Types.TIMESTAMP || timeType == Types.TIMESTAMP_WITH_TIMEZONE
                || timeType == Types.DATE;
        // SQL times are converted here to epoch millis, so the parser needs no JDBC knowledge.
        RecordParser records = new RecordParser(description,
                sqlTime ? mapping.withTimeFormat(ColumnMapping.EPOCH_MILLIS) : mapping, columns);
        long row = 0;
        while (rows.next()) {
            row++;
            String[] values = new String[columns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = i == timeColumn && sqlTime ? epochMillis(rows, i + 1, timeType) : rows.getString(i + 1);
            }
            records.parseInto(values, row, sink, this::render);
        }
    }

    /** Finds a label exactly, else ignoring case. */
    private static int labelIndex(List<String> columns, String label) {
        int exact = columns.indexOf(label);
        if (exact >= 0) {
            return exact;
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(label)) {
                return i;
            }
        }
        return -1;
    }

    private static String epochMillis(ResultSet rows, int column, int type) throws SQLException {
        long millis;
        if (type == Types.TIMESTAMP_WITH_TIMEZONE) {
            OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
            if (time == null) {
                return null;
            }
            millis = time.toInstant().toEpochMilli();
        } else if (type == Types.DATE) {
            LocalDate date = rows.getObject(column, LocalDate.class);
            if (date == null) {
                return null;
            }
            millis = date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        } else {
            LocalDateTime time = rows.getObject(column, LocalDateTime.class);
            if (time == null) {
                return null;
            }
            millis = time.toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        return Long.toString(millis);
    }

    private String render(String[] values) {
        return String.join(",", java.util.Arrays.stream(values).map(v -> v == null ? "" : v).toList());
    }

    private DataSourceException failure(SQLException e) {
        String message = JdbcUrls.mask(e.getMessage(), options.url(), options.password());
        String text = "cannot read " + description + ": " + message + " (SQLState " + e.getSQLState() + ")";
        // A driver message may quote the URL or password; then the cause stays behind rather than leak them.
        boolean leaks = !message.equals(e.getMessage() == null ? "" : e.getMessage());
        return new DataSourceException(text, leaks ? null : e);
    }
}
