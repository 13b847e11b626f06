package io.deeppersona.core;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stage named by its provider and configured by options, as written in a pipeline spec.
 *
 * @param name the provider's name, e.g. {@code "dedupe-events"}
 * @param options the provider's options (JSON-friendly values); empty for defaults
 */
public record StageSpec(String name, Map<String, Object> options) {
    public StageSpec {
        requireNonNull(name, "name is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("stage name is blank");
        }
        // Options may hold nulls from YAML ("key: ~"); Map.copyOf would reject them with a confusing NPE.
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options == null ? Map.of() : options));
    }

    public static StageSpec of(String name) {
        return new StageSpec(name, Map.of());
    }
}
