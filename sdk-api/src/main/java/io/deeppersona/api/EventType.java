package io.deeppersona.api;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * The kind of a customer event. The standard kinds have constants; hosts may use any other lower-kebab name
 * ({@code "wishlist-add"}) and get an equal instance from {@link #of(String)}.
 *
 * @param name lower-kebab name, e.g. {@code "add-to-cart"}
 * @since 0.1
 */
public record EventType(String name) {
    private static final Pattern LOWER_KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public static final EventType VIEW = new EventType("view");
    public static final EventType CLICK = new EventType("click");
    public static final EventType ADD_TO_CART = new EventType("add-to-cart");
    public static final EventType PURCHASE = new EventType("purchase");
    public static final EventType RETURN = new EventType("return");
    public static final EventType IMPRESSION = new EventType("impression");

    public EventType {
        requireNonNull(name, "name is null");
        if (!LOWER_KEBAB.matcher(name).matches()) {
            throw new IllegalArgumentException("event type must be lower-kebab like 'add-to-cart', got '" + name + "'");
        }
    }

    /**
     * Returns the event type with this name, accepting common spellings ({@code "Add_To_Cart"}, {@code "addtocart"}
     * is not recognised: only case and {@code _}/space are normalised).
     *
     * @throws IllegalArgumentException if the normalised name is not lower-kebab
     */
    public static EventType of(String name) {
        requireNonNull(name, "name is null");
        return new EventType(name.strip().toLowerCase(java.util.Locale.ROOT).replace('_', '-').replace(' ', '-'));
    }

    @Override
    public String toString() {
        return name;
    }
}
