package io.deeppersona.core.features;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.Catalogue;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.Item;
import io.deeppersona.api.error.ConfigurationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Catalogue} from the events themselves, for sources that carry item descriptions on each event
 * row but have no product catalogue (UCI Online Retail).
 */
public final class CatalogueBuilder {
    private CatalogueBuilder() {
    }

    /**
     * Returns a catalogue of every item with rows in {@code log}, in item-dictionary order. An item's title is its
     * most frequent {@code titleAttribute} value (ties to the alphabetically first; {@code ""} when it has none),
     * its category path is {@code [category]} from {@code categoriser}, and its price is the median unit price
     * {@code value / quantity} over rows where both are known, the quantity non-zero and the result non-negative
     * (an unknown quantity counts as 1, as everywhere in the features); {@code NaN} when no row qualifies.
     *
     * @throws ConfigurationException if the log has no attribute column {@code titleAttribute}
     */
    public static Catalogue fromEvents(EventLog log, String titleAttribute, DescriptionCategoriser categoriser) {
        requireNonNull(log, "log is null");
        requireNonNull(titleAttribute, "titleAttribute is null");
        requireNonNull(categoriser, "categoriser is null");
        int column = log.attributeColumn(titleAttribute);
        if (column < 0) {
            throw new ConfigurationException("Event log has no attribute '" + titleAttribute
                    + "' to take item titles from; present: " + log.attributeNames());
        }
        List<Map<String, Integer>> titleCounts = new ArrayList<>(log.itemCount());
        List<float[]> unitPrices = new ArrayList<>(log.itemCount());
        int[] priceCounts = new int[log.itemCount()];
        boolean[] present = new boolean[log.itemCount()];
        for (int item = 0; item < log.itemCount(); item++) {
            titleCounts.add(null);
            unitPrices.add(null);
        }
        for (int row = 0; row < log.size(); row++) {
            int item = log.item(row);
            present[item] = true;
            String title = log.attribute(row, column);
            if (title != null && !title.isBlank()) {
                if (titleCounts.get(item) == null) {
                    titleCounts.set(item, new HashMap<>());
                }
                titleCounts.get(item).merge(title.strip(), 1, Integer::sum);
            }
            double quantity = FeatureValues.quantityOrOne(log.quantity(row));
            float value = log.value(row);
            double unit = value / quantity;
            if (!Float.isNaN(value) && quantity != 0 && Double.isFinite(unit) && unit >= 0) {
                float[] prices = unitPrices.get(item);
                if (prices == null || prices.length == priceCounts[item]) {
                    prices = prices == null ? new float[4] : Arrays.copyOf(prices, prices.length * 2);
                    unitPrices.set(item, prices);
                }
                prices[priceCounts[item]++] = (float) unit;
            }
        }
        Map<String, String> titleById = new LinkedHashMap<>();
        for (int item = 0; item < log.itemCount(); item++) {
            if (present[item]) {
                titleById.put(log.itemId(item), mostFrequent(titleCounts.get(item)));
            }
        }
        Map<String, String> categoryById = categoriser.categorise(titleById);
        List<Item> items = new ArrayList<>(titleById.size());
        for (int item = 0; item < log.itemCount(); item++) {
            if (present[item]) {
                String id = log.itemId(item);
                double price = median(unitPrices.get(item), priceCounts[item]);
                items.add(new Item(id, titleById.get(id), List.of(categoryById.get(id)), price, Map.of()));
            }
        }
        return Catalogue.of(items);
    }

    private static String mostFrequent(Map<String, Integer> counts) {
        if (counts == null) {
            return "";
        }
        String best = "";
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    private static double median(float[] values, int count) {
        if (count == 0) {
            return Double.NaN;
        }
        float[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + (double) sorted[count / 2]) / 2;
    }
}
