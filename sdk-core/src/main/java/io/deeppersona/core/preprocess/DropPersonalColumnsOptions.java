package io.deeppersona.core.preprocess;

import io.deeppersona.api.error.ConfigurationException;
import java.util.List;

/**
 * Options of {@code drop-personal-columns}.
 *
 * @param columns the attribute columns to drop, e.g. {@code [email, phone, address]}; required, and names absent
 *     from a log are ignored
 */
public record DropPersonalColumnsOptions(List<String> columns) {
    public DropPersonalColumnsOptions {
        if (columns == null || columns.isEmpty()) {
            throw new ConfigurationException("drop-personal-columns needs option 'columns', the attribute columns "
                    + "to drop, e.g. {columns: [email, phone]}; got " + columns);
        }
        columns = List.copyOf(columns);
    }
}
