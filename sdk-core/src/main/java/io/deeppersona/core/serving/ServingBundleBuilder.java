package io.deeppersona.core.serving;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.Catalogue;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventType;
import io.deeppersona.api.Item;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Makes a {@link ServingBundle} from the events a model was trained on. Single-threaded and single-use.
 *
 * <pre>{@code
 * ServingBundle bundle = ServingBundle.builder().events(log).catalogue(catalogue)
 *         .segmentAttribute("Country").build();
 * }</pre>
 *
 * <p>Items are the catalogue's, then those seen in the events but missing from it. Popularity counts distinct
 * customers (as the {@code popularity} model does), over every event type. A customer's segment is the value of
 * the {@link #segmentAttribute segment attribute} seen on most of their events (ties: the smaller value); it is
 * cheap, needs no model, and unlike an RFM tier it is known for a new customer from their first event, which is
 * exactly when the fallback chain needs it.
 */
public final class ServingBundleBuilder {
    private EventLog events;
    private Catalogue catalogue = Catalogue.empty();
    private int historyLength = 50;
    private int neighbours = 20;
    private int segmentTop = 200;
    private String segmentAttribute;
    private final List<ServingCampaign> campaigns = new ArrayList<>();

    ServingBundleBuilder() {
    }

    /** The training events; required. */
    public ServingBundleBuilder events(EventLog log) {
        this.events = requireNonNull(log, "events is null");
        return this;
    }

    /** Titles, categories and prices; default empty (items are known by id only). */
    public ServingBundleBuilder catalogue(Catalogue items) {
        this.catalogue = requireNonNull(items, "catalogue is null");
        return this;
    }

    /** How many recent items to keep per customer; default 50. */
    public ServingBundleBuilder historyLength(int length) {
        this.historyLength = positive("historyLength", length);
        return this;
    }

    /** How many co-purchase neighbours to keep per item; default 20. */
    public ServingBundleBuilder neighbours(int count) {
        this.neighbours = positive("neighbours", count);
        return this;
    }

    /** How many popular items to keep per segment; default 200. */
    public ServingBundleBuilder segmentTop(int count) {
        this.segmentTop = positive("segmentTop", count);
        return this;
    }

    /** The event attribute whose value is a customer's segment, e.g. {@code "Country"}; default none. */
    public ServingBundleBuilder segmentAttribute(String name) {
        requireNonNull(name, "segmentAttribute is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("segmentAttribute is blank");
        }
        this.segmentAttribute = name;
        return this;
    }

    /** Adds a propensity campaign; the bundle takes ownership of its model. */
    public ServingBundleBuilder addCampaign(ServingCampaign campaign) {
        campaigns.add(requireNonNull(campaign, "campaign is null"));
        return this;
    }

    /**
     * Builds the bundle.
     *
     * @throws IllegalStateException if no events were given
     * @throws IllegalArgumentException if the segment attribute is not a column of the events
     */
    public ServingBundle build() {
        if (events == null) {
            throw new IllegalStateException("events are not set: call events(log) first");
        }
        int column = segmentAttribute == null ? -1 : events.attributeColumn(segmentAttribute);
        if (segmentAttribute != null && column < 0) {
            throw new IllegalArgumentException("segmentAttribute '" + segmentAttribute
                    + "' is not an attribute of the events; present: " + events.attributeNames());
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        List<Item> items = new ArrayList<>(catalogue.items().values());
        items.forEach(item -> index.put(item.itemId(), index.size()));
        int[] bundleItem = new int[events.itemCount()];
        Arrays.fill(bundleItem, -1);
        for (int row = 0; row < events.size(); row++) {
            int logItem = events.item(row);
            if (events.customer(row) >= 0 && bundleItem[logItem] < 0) {
                String id = events.itemId(logItem);
                Integer known = index.get(id);
                if (known == null) {
                    known = index.size();
                    index.put(id, known);
                    items.add(Item.ofId(id));
                }
                bundleItem[logItem] = known;
            }
        }
        int purchaseType = events.eventTypes().indexOf(EventType.PURCHASE);
        Map<String, Integer> segmentIds = new TreeMap<>();
        Map<String, CustomerProfile> customers = new HashMap<>();
        List<int[]> distinctItems = new ArrayList<>();
        List<Integer> customerSegments = new ArrayList<>();
        int[] popularity = new int[items.size()];
        long endOfData = Long.MIN_VALUE;
        for (int customer = 0; customer < events.customerCount(); customer++) {
            int from = events.customerRowsStart(customer);
            int to = events.customerRowsEnd(customer);
            if (from == to) {
                continue;
            }
            BitSet seen = new BitSet();
            BitSet bought = new BitSet();
            for (int row = from; row < to; row++) {
                int item = bundleItem[events.item(row)];
                seen.set(item);
                if (events.eventType(row) == purchaseType) {
                    bought.set(item);
                }
                endOfData = Math.max(endOfData, events.timestampMillis(row));
            }
            int[] recent = new int[Math.min(historyLength, to - from)];
            for (int p = 0; p < recent.length; p++) {
                recent[p] = bundleItem[events.item(to - recent.length + p)];
            }
            String segment = column < 0 ? null : majority(from, to, column);
            int segmentId = segment == null ? -1 : segmentIds.computeIfAbsent(segment, s -> segmentIds.size());
            int[] distinct = seen.stream().toArray();
            for (int item : distinct) {
                popularity[item]++;
            }
            distinctItems.add(distinct);
            customerSegments.add(segmentId);
            customers.put(events.customerId(customer), new CustomerProfile(recent, bought.stream().toArray(),
                    segmentId));
        }
        if (endOfData == Long.MIN_VALUE) {
            throw new IllegalArgumentException("the events hold no row with a customer; nothing to serve");
        }
        // Segment ids were handed out in first-seen order; renumber them in name order for a stable layout.
        String[] segments = segmentIds.keySet().toArray(String[]::new);
        int[] renumber = new int[segments.length];
        int[] byFirstSeen = segmentIds.values().stream().mapToInt(Integer::intValue).toArray();
        for (int sorted = 0; sorted < segments.length; sorted++) {
            renumber[byFirstSeen[sorted]] = sorted;
        }
        customers.replaceAll((id, profile) -> profile.segment() < 0 ? profile
                : new CustomerProfile(profile.recent(), profile.purchased(), renumber[profile.segment()]));
        int[][] segmentCounts = new int[segments.length][items.size()];
        for (int c = 0; c < distinctItems.size(); c++) {
            int segment = customerSegments.get(c);
            if (segment >= 0) {
                for (int item : distinctItems.get(c)) {
                    segmentCounts[renumber[segment]][item]++;
                }
            }
        }
        int[][] topItems = new int[segments.length][];
        int[][] topCounts = new int[segments.length][];
        for (int s = 0; s < segments.length; s++) {
            topItems[s] = PopularityRanking.top(segmentCounts[s], segmentTop);
            int[] counts = segmentCounts[s];
            topCounts[s] = Arrays.stream(topItems[s]).map(item -> counts[item]).toArray();
        }
        CoPurchaseNeighbours similar = CoPurchaseNeighbours.of(distinctItems, items.size(), neighbours);
        return new ServingBundle(historyLength, segmentAttribute, Instant.ofEpochMilli(endOfData),
                items.stream().map(Item::itemId).toArray(String[]::new),
                items.stream().map(Item::title).toArray(String[]::new),
                items.stream().map(Item::categoryPath).toList(),
                items.stream().mapToDouble(Item::price).toArray(),
                popularity, customers, segments, topItems, topCounts, similar.neighbours, similar.similarities,
                campaigns);
    }

    private String majority(int from, int to, int column) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int row = from; row < to; row++) {
            String value = events.attribute(row, column);
            if (value != null && !value.isBlank()) {
                counts.merge(value, 1, Integer::sum);
            }
        }
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            if (entry.getValue() > bestCount) {
                best = entry.getKey();
                bestCount = entry.getValue();
            }
        }
        return best;
    }

    private static int positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
        return value;
    }
}
