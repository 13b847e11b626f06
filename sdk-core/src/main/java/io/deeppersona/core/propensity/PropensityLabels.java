package io.deeppersona.core.propensity;

import io.deeppersona.api.Catalogue;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventType;
import io.deeppersona.api.Item;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the target of "does the customer respond in the window": 1 if the customer has a qualifying event
 * (type in {@code types}, and item in {@code category} when one is given) with timestamp in
 * {@code [fromMillis, toMillis)}, else 0, for every customer of {@code candidates}.
 */
final class PropensityLabels {
    private PropensityLabels() {
    }

    static Map<String, Float> of(EventLog log, Catalogue catalogue, Iterable<String> candidates, long fromMillis,
            long toMillis, Set<EventType> types, Optional<String> category) {
        BitSet qualifyingType = new BitSet();
        for (int i = 0; i < log.eventTypes().size(); i++) {
            if (types.contains(log.eventTypes().get(i))) {
                qualifyingType.set(i);
            }
        }
        BitSet qualifyingItem = new BitSet();
        for (int item = 0; item < log.itemCount(); item++) {
            if (category.isEmpty() || catalogue.item(log.itemId(item)).map(Item::categoryPath)
                    .map(path -> path.contains(category.get())).orElse(false)) {
                qualifyingItem.set(item);
            }
        }
        Map<String, Float> labels = new HashMap<>();
        for (String customerId : candidates) {
            int customer = log.customerIndex(customerId);
            float label = 0;
            if (customer >= 0) {
                for (int row = log.customerRowsStart(customer); row < log.customerRowsEnd(customer); row++) {
                    long time = log.timestampMillis(row);
                    if (time >= fromMillis && time < toMillis && qualifyingType.get(log.eventType(row))
                            && qualifyingItem.get(log.item(row))) {
                        label = 1;
                        break;
                    }
                }
            }
            labels.put(customerId, label);
        }
        return labels;
    }
}
