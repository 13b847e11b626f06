package io.deeppersona.dl4j.internal;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.EventLog;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Item and customer ids of a Caser network. Row 0 of each embedding is reserved: item 0 pads short histories,
 * customer 0 is the shared "unknown customer" row. {@code popularity[i]} counts distinct customers of item i
 * (0 for the padding row) and orders recommendations for customers without known history items.
 */
public record CaserVocabulary(List<String> itemIds, List<String> customerIds, int[] popularity) {
    public CaserVocabulary {
        itemIds = List.copyOf(requireNonNull(itemIds, "itemIds is null"));
        customerIds = List.copyOf(requireNonNull(customerIds, "customerIds is null"));
        popularity = requireNonNull(popularity, "popularity is null").clone();
        if (popularity.length != itemIds.size()) {
            throw new IllegalArgumentException("popularity has " + popularity.length + " entries for "
                    + itemIds.size() + " items");
        }
    }

    /** Items and customers of the rows that have a customer, in event-log order, behind the reserved rows. */
    public static CaserVocabulary of(EventLog events) {
        List<String> items = new ArrayList<>();
        items.add("");
        int[] modelItem = new int[events.itemCount()];
        List<String> customers = new ArrayList<>();
        customers.add("");
        int[] counts = new int[events.itemCount()];
        for (int customer = 0; customer < events.customerCount(); customer++) {
            int start = events.customerRowsStart(customer);
            int end = events.customerRowsEnd(customer);
            if (start == end) {
                continue;
            }
            customers.add(events.customerId(customer));
            BitSet bought = new BitSet(events.itemCount());
            for (int row = start; row < end; row++) {
                bought.set(events.item(row));
            }
            bought.stream().forEach(item -> counts[item]++);
        }
        for (int item = 0; item < events.itemCount(); item++) {
            if (counts[item] > 0) {
                modelItem[item] = items.size();
                items.add(events.itemId(item));
            }
        }
        int[] popularity = new int[items.size()];
        for (int item = 0; item < events.itemCount(); item++) {
            if (counts[item] > 0) {
                popularity[modelItem[item]] = counts[item];
            }
        }
        return new CaserVocabulary(items, customers, popularity);
    }

    public int itemCount() {
        return itemIds.size();
    }

    public int customerCount() {
        return customerIds.size();
    }

    /** Item index by id, without the padding row. */
    public Map<String, Integer> itemIndex() {
        return index(itemIds);
    }

    /** Customer index by id, without the unknown row. */
    public Map<String, Integer> customerIndex() {
        return index(customerIds);
    }

    private static Map<String, Integer> index(List<String> ids) {
        Map<String, Integer> index = new HashMap<>(ids.size() * 2);
        for (int i = 1; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        return index;
    }
}
