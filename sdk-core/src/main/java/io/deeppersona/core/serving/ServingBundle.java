package io.deeppersona.core.serving;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * What a deployed version needs besides its model to serve: the catalogue, popularity overall and per segment,
 * each known customer's recent history and purchases, each item's co-purchase neighbours (for reasons), and
 * the propensity campaigns. Made by {@link #builder()} from training data, saved beside the model by
 * {@link ServingArtifacts}.
 *
 * <p>Items are held by index; every array is indexed by item. Immutable and thread-safe; {@link #close()} closes
 * the campaigns' models, which the bundle owns.
 */
public final class ServingBundle implements AutoCloseable {
    /** The newest bundle layout this SDK writes and reads. */
    public static final int BUNDLE_VERSION = 1;

    private final int historyLength;
    private final String segmentAttribute;
    private final Instant endOfData;
    private final String[] itemIds;
    private final Map<String, Integer> itemIndex;
    private final String[] titles;
    private final List<List<String>> categoryPaths;
    private final double[] prices;
    private final int[] popularity;
    private final int[] globalRanking;
    private final Map<String, CustomerProfile> customers;
    private final String[] segments;
    private final Map<String, Integer> segmentIndex;
    private final int[][] segmentItems;
    private final int[][] segmentCounts;
    private final int[][] neighbours;
    private final float[][] similarities;
    /** Each item's neighbours again, ascending by item index (with their similarities), for binary search. */
    private final int[][] neighboursByIndex;
    private final float[][] similaritiesByIndex;
    private final Map<String, ServingCampaign> campaigns;

    ServingBundle(int historyLength, String segmentAttribute, Instant endOfData, String[] itemIds, String[] titles,
            List<List<String>> categoryPaths, double[] prices, int[] popularity, Map<String, CustomerProfile> customers,
            String[] segments, int[][] segmentItems, int[][] segmentCounts, int[][] neighbours,
            float[][] similarities, List<ServingCampaign> campaigns) {
        int items = itemIds.length;
        if (titles.length != items || categoryPaths.size() != items || prices.length != items
                || popularity.length != items || neighbours.length != items || similarities.length != items) {
            throw new IllegalArgumentException("item arrays of a serving bundle differ in length");
        }
        if (segmentItems.length != segments.length || segmentCounts.length != segments.length) {
            throw new IllegalArgumentException("segment arrays of a serving bundle differ in length");
        }
        this.historyLength = historyLength;
        this.segmentAttribute = segmentAttribute;
        this.endOfData = requireNonNull(endOfData, "endOfData is null");
        this.itemIds = itemIds;
        this.titles = titles;
        this.categoryPaths = List.copyOf(categoryPaths);
        this.prices = prices;
        this.popularity = popularity;
        this.customers = customers;
        this.segments = segments;
        this.segmentItems = segmentItems;
        this.segmentCounts = segmentCounts;
        this.neighbours = neighbours;
        this.similarities = similarities;
        this.neighboursByIndex = new int[items][];
        this.similaritiesByIndex = new float[items][];
        for (int item = 0; item < items; item++) {
            int[] list = neighbours[item];
            Integer[] order = new Integer[list.length];
            for (int p = 0; p < list.length; p++) {
                order[p] = p;
            }
            Arrays.sort(order, Comparator.comparingInt(p -> list[p]));
            neighboursByIndex[item] = new int[list.length];
            similaritiesByIndex[item] = new float[list.length];
            for (int p = 0; p < list.length; p++) {
                neighboursByIndex[item][p] = list[order[p]];
                similaritiesByIndex[item][p] = similarities[item][order[p]];
            }
        }
        this.itemIndex = new HashMap<>(items * 2);
        for (int item = 0; item < items; item++) {
            if (itemIndex.put(itemIds[item], item) != null) {
                throw new IllegalArgumentException("item '" + itemIds[item] + "' appears twice in the bundle");
            }
        }
        this.segmentIndex = new HashMap<>();
        for (int s = 0; s < segments.length; s++) {
            segmentIndex.put(segments[s], s);
        }
        this.globalRanking = IntStream.range(0, items).boxed()
                .sorted(Comparator.<Integer>comparingInt(item -> -popularity[item]).thenComparingInt(item -> item))
                .mapToInt(Integer::intValue).toArray();
        Map<String, ServingCampaign> byName = new TreeMap<>();
        for (ServingCampaign campaign : campaigns) {
            if (byName.put(campaign.name(), campaign) != null) {
                throw new IllegalArgumentException("campaign '" + campaign.name() + "' appears twice");
            }
        }
        this.campaigns = java.util.Collections.unmodifiableMap(byName);
    }

    /** Returns a builder that makes a bundle from training events. */
    public static ServingBundleBuilder builder() {
        return new ServingBundleBuilder();
    }

    /** Returns how many recent items are kept per customer. */
    public int historyLength() {
        return historyLength;
    }

    /** Returns the event attribute that defines segments (e.g. {@code Country}), if segments are used. */
    public Optional<String> segmentAttribute() {
        return Optional.ofNullable(segmentAttribute);
    }

    /** Returns the time of the last training event. */
    public Instant endOfData() {
        return endOfData;
    }

    public int itemCount() {
        return itemIds.length;
    }

    public int customerCount() {
        return customers.size();
    }

    /** Returns the segment names, in index order. */
    public List<String> segments() {
        return List.of(segments);
    }

    /** Returns the campaign names, sorted. */
    public List<String> campaignNames() {
        return List.copyOf(campaigns.keySet());
    }

    /** Returns a campaign by name, if the bundle has it. */
    public Optional<ServingCampaign> campaign(String name) {
        return Optional.ofNullable(campaigns.get(name));
    }

    /** Closes the campaigns' models. */
    @Override
    public void close() {
        campaigns.values().forEach(campaign -> campaign.model().close());
    }

    int itemIndex(String itemId) {
        Integer item = itemIndex.get(itemId);
        return item == null ? -1 : item;
    }

    String itemId(int item) {
        return itemIds[item];
    }

    String title(int item) {
        return titles[item];
    }

    List<String> categoryPath(int item) {
        return categoryPaths.get(item);
    }

    double price(int item) {
        return prices[item];
    }

    int popularity(int item) {
        return popularity[item];
    }

    /** Item indices by popularity, most popular first; callers must not modify it. */
    int[] globalRanking() {
        return globalRanking;
    }

    CustomerProfile customer(String customerId) {
        return customers.get(customerId);
    }

    Map<String, CustomerProfile> customers() {
        return customers;
    }

    int segmentIndex(String segment) {
        Integer index = segmentIndex.get(segment);
        return index == null ? -1 : index;
    }

    String segment(int segment) {
        return segments[segment];
    }

    /** The segment's most popular items, best first; callers must not modify it. */
    int[] segmentItems(int segment) {
        return segmentItems[segment];
    }

    int[] segmentCounts(int segment) {
        return segmentCounts[segment];
    }

    /** The item's most similar items, best first; callers must not modify it. */
    int[] neighbours(int item) {
        return neighbours[item];
    }

    float[] similarities(int item) {
        return similarities[item];
    }

    /** Returns {@code neighbour}'s similarity in {@code item}'s neighbour list, or -1 if it is not listed. */
    float listedSimilarity(int item, int neighbour) {
        int at = Arrays.binarySearch(neighboursByIndex[item], neighbour);
        return at < 0 ? -1 : similaritiesByIndex[item][at];
    }

    /** Returns the cosine similarity of two items if either is among the other's neighbours, else 0. */
    double similarity(int a, int b) {
        int[] list = neighbours[a];
        for (int p = 0; p < list.length; p++) {
            if (list[p] == b) {
                return similarities[a][p];
            }
        }
        list = neighbours[b];
        for (int p = 0; p < list.length; p++) {
            if (list[p] == a) {
                return similarities[b][p];
            }
        }
        return 0;
    }

    /** Lists all campaigns, for writing. */
    List<ServingCampaign> campaignList() {
        return new ArrayList<>(campaigns.values());
    }

    @Override
    public String toString() {
        return "ServingBundle[items=" + itemIds.length + ", customers=" + customers.size() + ", segments="
                + segments.length + ", campaigns=" + campaigns.keySet() + "]";
    }
}
