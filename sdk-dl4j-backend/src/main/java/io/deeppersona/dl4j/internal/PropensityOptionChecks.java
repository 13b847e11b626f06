package io.deeppersona.dl4j.internal;

import io.deeppersona.api.error.ConfigurationException;

/** Default-or-validate helpers for the propensity CNN option records; messages name the option and value. */
public final class PropensityOptionChecks {
    private PropensityOptionChecks() {
    }

    public static Integer positive(String name, Integer value, int defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (value < 1) {
            throw new ConfigurationException("Option '" + name + "' is " + value + "; expected an integer >= 1");
        }
        return value;
    }

    public static Double rate(String name, Double value, double defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (!(value > 0 && value < 10)) {
            throw new ConfigurationException("Option '" + name + "' is " + value + "; expected a number in (0, 10)");
        }
        return value;
    }

    public static Double nonNegative(String name, Double value, double defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (!(value >= 0) || value.isInfinite()) {
            throw new ConfigurationException("Option '" + name + "' is " + value + "; expected a finite number >= 0");
        }
        return value;
    }

    public static Double fraction(String name, Double value, double defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (!(value >= 0 && value < 1)) {
            throw new ConfigurationException("Option '" + name + "' is " + value
                    + "; expected a fraction in [0, 1) (0 = no validation, no early stopping)");
        }
        return value;
    }

    public static String name(String option, String value, String defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (value.isBlank()) {
            throw new ConfigurationException("Option '" + option + "' is blank; name a feature such as \""
                    + defaultValue + "\"");
        }
        return value;
    }
}
