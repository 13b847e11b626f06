package io.deeppersona.core.models;

import io.deeppersona.api.error.ConfigurationException;

/**
 * Options of the {@code item-knn} model.
 *
 * @param neighbours how many most-similar items each item keeps (default 100), at least 1
 */
public record ItemKnnOptions(Integer neighbours) {
    public static final int DEFAULT_NEIGHBOURS = 100;

    public ItemKnnOptions {
        if (neighbours == null) {
            neighbours = DEFAULT_NEIGHBOURS;
        }
        if (neighbours < 1) {
            throw new ConfigurationException("item-knn option 'neighbours' must be >= 1, got " + neighbours);
        }
    }

    /** The defaults. */
    public ItemKnnOptions() {
        this(null);
    }
}
