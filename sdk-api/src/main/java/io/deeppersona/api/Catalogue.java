package io.deeppersona.api;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The items a shop offers, by id. Immutable.
 *
 * @param items item id to item, in insertion order
 * @since 0.1
 */
public record Catalogue(Map<String, Item> items) {
    public Catalogue {
        requireNonNull(items, "items is null");
        items.forEach((id, item) -> {
            if (!id.equals(item.itemId())) {
                throw new IllegalArgumentException("catalogue key '" + id + "' differs from its item's id '"
                        + item.itemId() + "'");
            }
        });
        items = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(items));
    }

    /** The empty catalogue: stages then know items only by id. */
    public static Catalogue empty() {
        return new Catalogue(Map.of());
    }

    /** Builds a catalogue from items; a later item with the same id replaces an earlier one. */
    public static Catalogue of(Collection<Item> items) {
        Map<String, Item> byId = new LinkedHashMap<>();
        for (Item item : items) {
            byId.put(item.itemId(), item);
        }
        return new Catalogue(byId);
    }

    /** Returns the item with this id, if the catalogue has it. */
    public Optional<Item> item(String itemId) {
        return Optional.ofNullable(items.get(itemId));
    }

    /** Returns the item's title, or its id when the catalogue has no title for it. */
    public String titleOf(String itemId) {
        Item item = items.get(itemId);
        return item == null || item.title().isEmpty() ? itemId : item.title();
    }

    public int size() {
        return items.size();
    }
}
