package io.deeppersona.core.source;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.spi.ProviderContext;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * A source's own options together with its {@link ColumnMapping}, bound from one flat options map.
 *
 * <p>Sources take mapping keys ({@code customer}, {@code item}, ...) next to their own ({@code path}); the map is
 * split by {@link ColumnMapping#OPTION_NAMES} and each half bound strictly, so every source shares one mapping
 * record instead of repeating its eleven fields.
 *
 * @param source the source's own options
 * @param mapping the column mapping
 * @param <T> the source's options record
 */
public record MappedOptions<T>(T source, ColumnMapping mapping) {
    public MappedOptions {
        requireNonNull(source, "source is null");
        requireNonNull(mapping, "mapping is null");
    }

    /**
     * Binds {@code options} strictly: an unknown key fails naming the known keys of both halves.
     *
     * @throws ConfigurationException on unknown or invalid options
     */
    public static <T> MappedOptions<T> bind(Map<String, Object> options, Class<T> type, ProviderContext context) {
        requireNonNull(options, "options is null");
        Map<String, Object> own = new HashMap<>();
        Map<String, Object> mapping = new HashMap<>();
        options.forEach((key, value) -> (ColumnMapping.OPTION_NAMES.contains(key) ? mapping : own).put(key, value));
        ColumnMapping boundMapping = context.bindOptions(mapping, ColumnMapping.class);
        try {
            return new MappedOptions<>(context.bindOptions(own, type), boundMapping);
        } catch (ConfigurationException e) {
            if (!e.getMessage().startsWith("Unknown option")) {
                throw e;
            }
            throw new ConfigurationException(e.getMessage() + "; column mapping options: "
                    + new TreeSet<>(ColumnMapping.OPTION_NAMES), e);
        }
    }
}
