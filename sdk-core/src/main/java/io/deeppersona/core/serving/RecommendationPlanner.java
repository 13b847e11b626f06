package io.deeppersona.core.serving;

import io.deeppersona.api.RecommendationQuery;
import io.deeppersona.api.error.PersonalizationException;
import io.deeppersona.api.error.PredictionException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Answers one recommendation request from one loaded version: merges the bundle's and the recorded history,
 * asks the model (over-fetching until k items pass the filters or the catalogue is exhausted) or, for a customer
 * without usable history, walks the fallback chain, and explains every item.
 */
final class RecommendationPlanner {
    private RecommendationPlanner() {
    }

    static RecommendationResponse answer(LoadedVersion version, String customerId, int k,
            RecommendationFilters filters, RecordedHistory.Snapshot recorded) {
        ServingBundle bundle = version.bundle();
        CustomerProfile profile = bundle.customer(customerId);
        // The recent window as ids and catalogue indices (-1 outside the catalogue), oldest first: the bundle's
        // part comes as indices, so only recorded ids are hashed (this path runs per request).
        List<String> recent = new ArrayList<>();
        int[] recentItems = new int[(profile == null ? 0 : profile.recent().length) + recorded.items().size()];
        int segment = -1;
        if (profile != null) {
            for (int item : profile.recent()) {
                recentItems[recent.size()] = item;
                recent.add(bundle.itemId(item));
            }
            segment = profile.segment();
        }
        for (String itemId : recorded.items()) {
            recentItems[recent.size()] = bundle.itemIndex(itemId);
            recent.add(itemId);
        }
        if (recent.size() > bundle.historyLength()) {
            int from = recent.size() - bundle.historyLength();
            recent = recent.subList(from, recent.size());
            recentItems = Arrays.copyOfRange(recentItems, from, recentItems.length);
        }
        if (recorded.segment() != null && bundle.segmentIndex(recorded.segment()) >= 0) {
            segment = bundle.segmentIndex(recorded.segment());
        }
        BitSet recentSet = new BitSet(bundle.itemCount());
        for (int item : recentItems) {
            if (item >= 0) {
                recentSet.set(item);
            }
        }
        BitSet purchased = new BitSet(bundle.itemCount());
        if (profile != null) {
            for (int item : profile.purchased()) {
                purchased.set(item);
            }
        }
        Set<String> purchasedOutsideCatalogue = new HashSet<>();
        for (String itemId : recorded.purchased()) {
            int item = bundle.itemIndex(itemId);
            if (item >= 0) {
                purchased.set(item);
            } else {
                purchasedOutsideCatalogue.add(itemId);
            }
        }
        ItemFilter filter = new ItemFilter(bundle, filters, purchased, purchasedOutsideCatalogue);
        BitSet known = (BitSet) recentSet.clone();
        known.or(purchased);
        String versionId = version.version().version();
        if (known.isEmpty()) {
            return fallback(bundle, customerId, versionId, k, filter, segment);
        }
        IndexedRoute route = version.indexedRoute();
        Ask ask;
        int excludedCount;
        if (route != null) {
            BitSet excluded = filter.modelExclusionIndices();
            ask = limit -> route.rank(known, excluded, limit);
            excludedCount = excluded.cardinality();
        } else {
            List<String> history = history(bundle, profile, recorded, recent, recentSet);
            Set<String> excluded = filter.modelExclusions();
            ask = limit -> RankedCandidates.of(version.model().recommend(new RecommendationQuery(customerId, history,
                    limit, excluded)), bundle);
            excludedCount = excluded.size();
        }
        int[] recentKnown = Arrays.stream(recentItems).filter(item -> item >= 0).distinct().toArray();
        Explainer explainer = new Explainer(bundle, known, recentKnown);
        String provider = version.model().info().provider();
        List<ScoredItem> items = new ArrayList<>(k);
        RankedCandidates ranked = modelRanking(version, ask, excludedCount, k, filter);
        for (int i = 0; i < ranked.size() && items.size() < k; i++) {
            String itemId = ranked.ids()[i];
            int item = ranked.items()[i];
            if (filter.accepts(itemId, item)) {
                List<String> because = explainer.becauseOf(item);
                String reason = because.isEmpty() ? "ranked by model '" + provider + "'"
                        : "bought with " + String.join(", ", because);
                items.add(new ScoredItem(itemId, ranked.scores()[i], reason, because));
            }
        }
        return new RecommendationResponse(customerId, versionId, RecommendationSource.MODEL, items);
    }

    /**
     * The history a model asked by id gets: purchases older than the recent window first, so set models see
     * everything the customer bought and sequence models, which read the tail, see the true recent order.
     */
    private static List<String> history(ServingBundle bundle, CustomerProfile profile,
            RecordedHistory.Snapshot recorded, List<String> recent, BitSet recentSet) {
        List<String> history = new ArrayList<>();
        if (profile != null) {
            for (int item : profile.purchased()) {
                if (!recentSet.get(item)) {
                    history.add(bundle.itemId(item));
                }
            }
        }
        Set<String> recentIds = recorded.purchased().isEmpty() ? Set.of() : Set.copyOf(recent);
        for (String itemId : recorded.purchased()) {
            int item = bundle.itemIndex(itemId);
            if (item >= 0 ? !recentSet.get(item) && (profile == null || !profile.hasPurchased(item))
                    : !recentIds.contains(itemId)) {
                history.add(itemId);
            }
        }
        history.addAll(recent);
        return List.copyOf(history);
    }

    /** One way of asking the model for its best {@code limit} items for this request: by index or by id. */
    @FunctionalInterface
    private interface Ask {
        RankedCandidates top(int limit);
    }

    /**
     * Asks for more and more items until k pass the filters or the model has no more to give; the model skips
     * {@code excludedCount} items itself.
     */
    private static RankedCandidates modelRanking(LoadedVersion version, Ask ask, int excludedCount, int k,
            ItemFilter filter) {
        int cap = Math.max(k, version.bundle().itemCount() + excludedCount);
        int limit = Math.min(cap, Math.max(2 * k, k + 20));
        while (true) {
            RankedCandidates ranked;
            try {
                ranked = ask.top(limit);
            } catch (PersonalizationException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new PredictionException("Model '" + version.model().info().provider() + "' of version "
                        + version.version().version() + " failed to recommend: " + e, e);
            }
            int passing = 0;
            for (int i = 0; i < ranked.size(); i++) {
                if (filter.accepts(ranked.ids()[i], ranked.items()[i]) && ++passing == k) {
                    return ranked;
                }
            }
            if (ranked.size() < limit || limit >= cap) {
                return ranked;
            }
            limit = (int) Math.min(cap, 4L * limit);
        }
    }

    private static RecommendationResponse fallback(ServingBundle bundle, String customerId, String versionId,
            int k, ItemFilter filter, int segment) {
        List<ScoredItem> items = new ArrayList<>(k);
        BitSet chosen = new BitSet(bundle.itemCount());
        RecommendationSource source = RecommendationSource.GLOBAL_POPULARITY;
        if (segment >= 0 && bundle.segmentItems(segment).length > 0) {
            source = RecommendationSource.SEGMENT_POPULARITY;
            int[] ranking = bundle.segmentItems(segment);
            int[] counts = bundle.segmentCounts(segment);
            String reason = "popular in segment " + bundle.segment(segment);
            for (int p = 0; p < ranking.length && items.size() < k; p++) {
                if (filter.accepts(bundle.itemId(ranking[p]), ranking[p])) {
                    chosen.set(ranking[p]);
                    items.add(new ScoredItem(bundle.itemId(ranking[p]), counts[p], reason, List.of()));
                }
            }
        }
        // The segment's list is short; when the filters exhaust it, the overall ranking fills up.
        int[] ranking = bundle.globalRanking();
        for (int p = 0; p < ranking.length && items.size() < k; p++) {
            int item = ranking[p];
            if (!chosen.get(item) && filter.accepts(bundle.itemId(item), item)) {
                items.add(new ScoredItem(bundle.itemId(item), bundle.popularity(item), "popular overall",
                        List.of()));
            }
        }
        return new RecommendationResponse(customerId, versionId, source, items);
    }
}
