package io.deeppersona.core.preprocess;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.error.ConfigurationException;

/**
 * What {@code missing-values} does with an event whose field is missing: keep it as is, drop it, or fill the field.
 * Written in options as {@code "keep"}, {@code "drop"} or {@code "fill:<text>"}.
 *
 * @param action the action
 * @param fill the fill text for {@link Action#FILL}, otherwise {@code null}
 */
public record FieldPolicy(Action action, String fill) {
    /** The three actions. */
    public enum Action { KEEP, DROP, FILL }

    public static final FieldPolicy KEEP = new FieldPolicy(Action.KEEP, null);
    public static final FieldPolicy DROP = new FieldPolicy(Action.DROP, null);

    public FieldPolicy {
        requireNonNull(action, "action is null");
        if ((action == Action.FILL) != (fill != null)) {
            throw new IllegalArgumentException("a fill text goes with FILL only, got " + action + " and " + fill);
        }
    }

    /**
     * Parses {@code "keep"}, {@code "drop"} or {@code "fill:<text>"} given for option {@code option}.
     *
     * @throws ConfigurationException for any other text
     */
    public static FieldPolicy parse(String text, String option) {
        requireNonNull(text, () -> "missing-values option '" + option + "' is null");
        if (text.equals("keep")) {
            return KEEP;
        }
        if (text.equals("drop")) {
            return DROP;
        }
        if (text.startsWith("fill:")) {
            return new FieldPolicy(Action.FILL, text.substring("fill:".length()));
        }
        throw new ConfigurationException("missing-values option '" + option + "' is '" + text
                + "'; expected \"keep\", \"drop\" or \"fill:<value>\"");
    }

    /**
     * Parses a policy for a number field; the fill must be a finite number.
     *
     * @throws ConfigurationException otherwise
     */
    public static FieldPolicy parseNumeric(String text, String option) {
        FieldPolicy policy = parse(text, option);
        if (policy.action() == Action.FILL) {
            policy.fillNumber(option);
        }
        return policy;
    }

    /** Returns the fill text as a finite float. */
    float fillNumber(String option) {
        float number;
        try {
            number = Float.parseFloat(fill.strip());
        } catch (NumberFormatException e) {
            // No cause attached: option binding reports the root cause's message, which must be this one.
            throw new ConfigurationException("missing-values option '" + option + "' is 'fill:" + fill
                    + "'; the fill must be a number, e.g. \"fill:1\"");
        }
        if (!Float.isFinite(number)) {
            throw new ConfigurationException("missing-values option '" + option + "' is 'fill:" + fill
                    + "'; the fill must be a finite number");
        }
        return number;
    }

    @Override
    public String toString() {
        return action == Action.FILL ? "fill:" + fill : action.name().toLowerCase(java.util.Locale.ROOT);
    }
}
