package io.deeppersona.core.serving;

import java.time.Instant;
import java.util.List;

/** The JSON shapes of a serving bundle's files; item references are indices into {@code items.jsonl}. */
final class BundleLines {
    private BundleLines() {
    }

    /** {@code serving/bundle.json}. */
    record Header(int bundleVersion, int historyLength, String segmentAttribute, Instant endOfData, int items,
            int customers, List<String> segments, List<Campaign> campaigns) {
    }

    /** One campaign in the header; its files are under {@code serving/campaigns/<name>/}. */
    record Campaign(String name, String provider, int payloadVersion, double baseRate, int customers) {
    }

    /** One line of {@code serving/items.jsonl}; a null price is unknown. */
    record ItemLine(String id, String title, List<String> categories, Double price, int popularity) {
    }

    /** One line of {@code serving/customers.jsonl}; segment -1 is none. */
    record CustomerLine(String id, int segment, int[] recent, int[] purchased) {
    }

    /** One line of {@code serving/segments.jsonl}, in segment order. */
    record SegmentLine(String segment, int[] items, int[] counts) {
    }

    /** One line of {@code serving/neighbours.jsonl}, in item order. */
    record NeighbourLine(int item, int[] neighbours, float[] similarities) {
    }
}
