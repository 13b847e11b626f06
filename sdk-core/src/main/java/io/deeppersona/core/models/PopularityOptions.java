package io.deeppersona.core.models;

/**
 * Options of the {@code popularity} model: it has none, and binding still rejects any key, so a typo in a
 * pipeline spec is reported rather than ignored.
 */
public record PopularityOptions() {
}
