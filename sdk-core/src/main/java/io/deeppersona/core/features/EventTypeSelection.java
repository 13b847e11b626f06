package io.deeppersona.core.features;

import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventType;
import io.deeppersona.api.error.ConfigurationException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which event types an extractor counts, from its {@code eventTypes} option: a set of names, or every type.
 *
 * @param types the counted types, or {@code null} for every type
 */
record EventTypeSelection(Set<EventType> types) {
    EventTypeSelection {
        types = types == null ? null : Set.copyOf(types);
    }

    /** Every event type counts. */
    static EventTypeSelection all() {
        return new EventTypeSelection(null);
    }

    /**
     * Parses the option value; {@code null} yields {@code defaults} (which may be {@code null} for every type).
     *
     * @throws ConfigurationException if the list is empty or a name is not an event type name
     */
    static EventTypeSelection of(List<String> names, List<String> defaults) {
        List<String> chosen = names == null ? defaults : names;
        if (chosen == null) {
            return all();
        }
        if (chosen.isEmpty()) {
            throw new ConfigurationException("Option 'eventTypes' is empty; expected at least one event type name "
                    + "such as [\"purchase\"], or leave it out for the default " + defaults);
        }
        Set<EventType> types = new LinkedHashSet<>();
        for (String name : chosen) {
            if (name == null) {
                throw new ConfigurationException("Option 'eventTypes' holds null; expected names like \"purchase\"");
            }
            try {
                types.add(EventType.of(name));
            } catch (IllegalArgumentException e) {
                // No cause attached: the binder reports the root cause, which would show the normalised name.
                throw new ConfigurationException("Option 'eventTypes' holds '" + name
                        + "', which is not an event type name; expected lower-kebab like \"add-to-cart\" ("
                        + e.getMessage() + ")");
            }
        }
        return new EventTypeSelection(types);
    }

    /** Returns, for each entry of {@code log.eventTypes()}, whether rows of that type count. */
    boolean[] mask(EventLog log) {
        List<EventType> logTypes = log.eventTypes();
        boolean[] mask = new boolean[logTypes.size()];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = types == null || types.contains(logTypes.get(i));
        }
        return mask;
    }

    /** Returns the option value this selection stands for, {@code null} meaning every type. */
    List<String> names() {
        return types == null ? null : types.stream().map(EventType::name).sorted().toList();
    }
}
