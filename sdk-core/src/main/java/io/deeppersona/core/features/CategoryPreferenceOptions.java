package io.deeppersona.core.features;

import io.deeppersona.api.error.ConfigurationException;
import java.util.List;

/**
 * Options of the {@code category-preference} extractor; absent keys keep the defaults.
 *
 * @param eventTypes the event types that count; default {@code ["purchase"]}
 * @param weighting {@code "count"} (share of events, the default) or {@code "value"} (share of money)
 * @param level the category level of {@code Item.categoryPath()}, 0 = most general; default the leaf
 * @param maxCategories how many categories to keep besides {@code "other"}; default 30
 */
public record CategoryPreferenceOptions(List<String> eventTypes, String weighting, Integer level,
        Integer maxCategories) {
    static final List<String> WEIGHTINGS = List.of("count", "value");

    public CategoryPreferenceOptions {
        eventTypes = eventTypes == null ? RfmOptions.DEFAULT_EVENT_TYPES : List.copyOf(eventTypes);
        EventTypeSelection.of(eventTypes, RfmOptions.DEFAULT_EVENT_TYPES);
        weighting = weighting == null ? "count" : weighting;
        if (!WEIGHTINGS.contains(weighting)) {
            throw new ConfigurationException("Option 'weighting' is '" + weighting + "'; expected one of "
                    + WEIGHTINGS);
        }
        if (level != null && level < 0) {
            throw new ConfigurationException("Option 'level' is " + level
                    + "; expected 0 (most general) or more, or leave it out for the leaf category");
        }
        maxCategories = maxCategories == null ? Integer.valueOf(30) : maxCategories;
        if (maxCategories < 1) {
            throw new ConfigurationException("Option 'maxCategories' is " + maxCategories + "; expected at least 1");
        }
    }

    /** The defaults. */
    public static CategoryPreferenceOptions defaults() {
        return new CategoryPreferenceOptions(null, null, null, null);
    }
}
