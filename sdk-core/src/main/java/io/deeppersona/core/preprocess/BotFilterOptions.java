package io.deeppersona.core.preprocess;

import io.deeppersona.api.error.ConfigurationException;

/**
 * Options of {@code bot-filter}.
 *
 * @param maxEventsPerMinute a customer with more events than this within some 60 seconds is a bot; default 20
 * @param minEvents only customers with at least this many events in all can be judged bots, so a short burst
 *     of a real shopper is spared; default 50
 */
public record BotFilterOptions(Integer maxEventsPerMinute, Integer minEvents) {
    public BotFilterOptions {
        maxEventsPerMinute = maxEventsPerMinute == null ? 20 : maxEventsPerMinute;
        minEvents = minEvents == null ? 50 : minEvents;
        if (maxEventsPerMinute < 1) {
            throw new ConfigurationException("bot-filter option 'maxEventsPerMinute' is " + maxEventsPerMinute
                    + "; expected 1 or more");
        }
        if (minEvents < 0) {
            throw new ConfigurationException("bot-filter option 'minEvents' is " + minEvents + "; expected 0 or more");
        }
    }

    /** Returns the default options. */
    public static BotFilterOptions defaults() {
        return new BotFilterOptions(null, null);
    }
}
