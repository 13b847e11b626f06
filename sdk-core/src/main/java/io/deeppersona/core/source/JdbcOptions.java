package io.deeppersona.core.source;

import io.deeppersona.api.error.ConfigurationException;
import java.util.regex.Pattern;

/**
 * Options of the {@code jdbc} source, besides its {@link ColumnMapping} (whose column names are column labels).
 *
 * @param url the JDBC URL (required); any driver on the class path
 * @param user the database user, or null
 * @param password the password, or null; sensitive: never shown by {@link #toString()}, descriptions or messages
 * @param query the SQL query to run; exactly one of query and table
 * @param table a table to read whole, as {@code SELECT * FROM table}; a plain (optionally schema-qualified) name
 * @param fetchSize rows fetched per round trip; default 1000
 * @since 0.1
 */
public record JdbcOptions(String url, String user, String password, String query, String table, Integer fetchSize) {
    /** Option names whose values are secrets, masked wherever options are shown. */
    public static final java.util.Set<String> SENSITIVE = java.util.Set.of("password");

    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");

    public JdbcOptions {
        if (url == null || !url.startsWith("jdbc:")) {
            throw new ConfigurationException("Option 'url' is " + (url == null ? "missing" : "'"
                    + JdbcUrls.redact(url) + "'") + "; expected a JDBC URL such as 'jdbc:h2:mem:events'");
        }
        if ((query == null) == (table == null)) {
            throw new ConfigurationException("Set exactly one of the options 'query' and 'table'; got "
                    + (query == null ? "neither" : "both"));
        }
        if (query != null && query.isBlank()) {
            throw new ConfigurationException("Option 'query' is blank; expected a SELECT statement");
        }
        if (table != null && !TABLE.matcher(table).matches()) {
            throw new ConfigurationException("Option 'table' is '" + table
                    + "'; expected a plain table name like 'events' or 'crm.events' (use 'query' for anything else)");
        }
        fetchSize = fetchSize == null ? 1000 : fetchSize;
        if (fetchSize < 1) {
            throw new ConfigurationException("Option 'fetchSize' is " + fetchSize + "; expected a positive number");
        }
    }

    /** Returns the SQL to run. */
    String sql() {
        return query != null ? query : "SELECT * FROM " + table;
    }

    @Override
    public String toString() {
        return "JdbcOptions[url=" + JdbcUrls.redact(url) + ", user=" + user + ", password="
                + (password == null ? "null" : "****") + ", query=" + query + ", table=" + table + ", fetchSize="
                + fetchSize + "]";
    }
}
