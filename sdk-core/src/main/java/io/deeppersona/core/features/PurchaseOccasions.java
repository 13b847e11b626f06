package io.deeppersona.core.features;

import io.deeppersona.api.EventLog;
import io.deeppersona.api.error.ConfigurationException;
import java.util.HashMap;
import java.util.Map;

/**
 * One customer's counted events summarised into purchase occasions: an occasion is a distinct timestamp, or a
 * distinct value of an order attribute (an invoice number) when one is configured.
 *
 * @param events number of counted events
 * @param occasions number of distinct occasions
 * @param firstMillis time of the first counted event (0 when there is none)
 * @param lastMillis time of the last counted event (0 when there is none)
 * @param firstOccasionMillis start of the earliest occasion (0 when there is none)
 * @param lastOccasionMillis start of the latest occasion (0 when there is none)
 * @param monetary total value of the counted events, unknown values counting as 0
 */
record PurchaseOccasions(int events, int occasions, long firstMillis, long lastMillis, long firstOccasionMillis,
        long lastOccasionMillis, double monetary) {

    /**
     * Returns the attribute column of {@code orderAttribute} in {@code log}, or -1 when no attribute is configured.
     *
     * @throws ConfigurationException if the attribute is configured but the log has no such column
     */
    static int orderColumn(EventLog log, String orderAttribute) {
        if (orderAttribute == null) {
            return -1;
        }
        int column = log.attributeColumn(orderAttribute);
        if (column < 0) {
            throw new ConfigurationException("Option 'orderAttribute' names '" + orderAttribute
                    + "', but the event log has no such attribute; present: " + log.attributeNames()
                    + "; name one of them or leave the option out to count distinct timestamps");
        }
        return column;
    }

    /** Summarises rows {@code [start, end)} whose type is set in {@code counted}. */
    static PurchaseOccasions of(EventLog log, int start, int end, boolean[] counted, int orderColumn) {
        int events = 0;
        long first = 0;
        long last = 0;
        double monetary = 0;
        // Occasion key -> its earliest time; a row without the order attribute falls back to its timestamp.
        Map<Object, Long> occasionStart = new HashMap<>();
        for (int row = start; row < end; row++) {
            if (!counted[log.eventType(row)]) {
                continue;
            }
            long time = log.timestampMillis(row);
            if (events == 0) {
                first = time;
            }
            last = Math.max(last, time);
            first = Math.min(first, time);
            events++;
            monetary += FeatureValues.valueOrZero(log.value(row));
            String order = orderColumn < 0 ? null : log.attribute(row, orderColumn);
            Object key = order == null ? (Object) time : "order:" + order;
            occasionStart.merge(key, time, Math::min);
        }
        long firstOccasion = occasionStart.values().stream().mapToLong(Long::longValue).min().orElse(0);
        long lastOccasion = occasionStart.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return new PurchaseOccasions(events, occasionStart.size(), first, last, firstOccasion, lastOccasion,
                monetary);
    }
}
