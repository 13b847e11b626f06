package io.deeppersona.server;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strict reading of a request's query string: unknown names are refused (a typo such as {@code exclude_category}
 * would otherwise be ignored silently), and each value is parsed with a message naming the parameter.
 */
final class QueryParams {
    private static final int MAX_LIST_ENTRIES = 10_000;

    private final Map<String, List<String>> values;

    private QueryParams(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * @throws ApiException (400) if a parameter is not one of {@code allowed}
     */
    static QueryParams of(Map<String, List<String>> values, Set<String> allowed) {
        requireNonNull(values, "values is null");
        for (String name : values.keySet()) {
            if (!allowed.contains(name)) {
                throw ApiException.badRequest("unknown query parameter '" + truncate(name) + "'; expected one of "
                        + new TreeSet<>(allowed));
            }
        }
        return new QueryParams(values);
    }

    /** The single value of {@code name}, or null when absent; refuses repeats. */
    String single(String name) {
        List<String> list = values.get(name);
        if (list == null || list.isEmpty()) {
            return null;
        }
        if (list.size() > 1) {
            throw ApiException.badRequest("query parameter '" + name + "' is given " + list.size()
                    + " times; expected once");
        }
        return list.get(0).strip();
    }

    int intInRange(String name, int defaultValue, int min, int max) {
        String text = single(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the same message as an out-of-range value
        }
        throw ApiException.badRequest("query parameter '" + name + "' must be an integer in [" + min + ", " + max
                + "], got '" + truncate(text) + "'");
    }

    boolean bool(String name, boolean defaultValue) {
        String text = single(name);
        if (text == null) {
            return defaultValue;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ApiException.badRequest("query parameter '" + name + "' must be true or false, got '"
                    + truncate(text) + "'");
        };
    }

    /** A non-negative decimal, or NaN when absent. */
    double price(String name) {
        String text = single(name);
        if (text == null) {
            return Double.NaN;
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value) && value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the same message as a negative value
        }
        throw ApiException.badRequest("query parameter '" + name + "' must be a number >= 0, got '"
                + truncate(text) + "'");
    }

    /** Every value of a repeatable parameter, each also split at commas; blanks dropped. */
    Set<String> list(String name) {
        List<String> list = values.get(name);
        if (list == null) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String value : list) {
            for (String part : value.split(",", -1)) {
                String stripped = part.strip();
                if (!stripped.isEmpty()) {
                    out.add(stripped);
                }
            }
        }
        if (out.size() > MAX_LIST_ENTRIES) {
            throw ApiException.badRequest("query parameter '" + name + "' has " + out.size()
                    + " entries; at most " + MAX_LIST_ENTRIES + " are accepted");
        }
        return out;
    }

    /** Keeps echoed input short, so an error message cannot be used to reflect a large payload. */
    static String truncate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }
}
