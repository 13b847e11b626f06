package io.deeppersona.api;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The ordered fields a feature table holds; names are unique.
 *
 * @param fields the fields, in order
 * @since 0.1
 */
public record FeatureSchema(List<FeatureField> fields) {
    public FeatureSchema {
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
        Set<String> names = new HashSet<>();
        for (FeatureField field : fields) {
            if (!names.add(field.name())) {
                throw new IllegalArgumentException("feature '" + field.name() + "' appears twice in the schema");
            }
        }
    }

    public static FeatureSchema of(FeatureField... fields) {
        return new FeatureSchema(List.of(fields));
    }

    public static FeatureSchema empty() {
        return new FeatureSchema(List.of());
    }

    /** Returns the field named {@code name}, if present. */
    public Optional<FeatureField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /**
     * Returns this schema followed by {@code other}'s fields.
     *
     * @throws IllegalArgumentException if both have a field of one name
     */
    public FeatureSchema plus(FeatureSchema other) {
        List<FeatureField> all = new ArrayList<>(fields);
        all.addAll(other.fields);
        return new FeatureSchema(all);
    }
}
