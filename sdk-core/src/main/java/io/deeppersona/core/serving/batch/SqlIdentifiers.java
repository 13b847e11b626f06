package io.deeppersona.core.serving.batch;

import io.deeppersona.api.error.ConfigurationException;
import java.util.regex.Pattern;

/**
 * Checks table names before they reach SQL text. Names cannot be bound as statement parameters, so they are
 * restricted to plain unquoted identifiers (optionally schema-qualified) that no database reads as anything else.
 */
final class SqlIdentifiers {
    /** Letters, digits and underscores, not starting with a digit; 63 characters is PostgreSQL's limit. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

    private SqlIdentifiers() {
    }

    /**
     * Returns {@code name} if it is a safe table name.
     *
     * @throws ConfigurationException otherwise, naming the option
     */
    static String table(String option, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ConfigurationException("Option '" + option + "' must be a table name of letters, digits and"
                    + " underscores (not starting with a digit, at most 63 characters), optionally qualified as"
                    + " schema.table; got '" + name + "'");
        }
        return name;
    }
}
