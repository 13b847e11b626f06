package io.deeppersona.core.serving;

import io.deeppersona.api.Recommendation;
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
        List<String> recent = new ArrayList<>();
        int segment = -1;
        if (profile != null) {
            for (int item : profile.recent()) {
                recent.add(bundle.itemId(item));
            }
            segment = profile.segment();
        }
        recent.addAll(recorded.items());
        if (recent.size() > bundle.historyLength()) {
            recent = recent.subList(recent.size() - bundle.historyLength(), recent.size());
        }
        if (recorded.segment() != null && bundle.segmentIndex(recorded.segment()) >= 0) {
            segment = bundle.segmentIndex(recorded.segment());
        }
        // Every collection is built once and immutable: the model query keeps them without copying, and each item
        // id is hashed as few times as possible (this path runs per request).
        int[] recentItems = new int[recent.size()];
        BitSet recentSet = new BitSet(bundle.itemCount());
        for (int i = 0; i < recentItems.length; i++) {
            recentItems[i] = bundle.itemIndex(recent.get(i));
            if (recentItems[i] >= 0) {
                recentSet.set(recentItems[i]);
            }
        }
        Set<String> purchased = purchased(bundle, profile, recorded.purchased());
        ItemFilter filter = new ItemFilter(bundle, filters, purchased);
        // Purchases older than the recent window come first, so set models see everything the customer bought and
        // sequence models, which read the tail, see the true recent order.
        BitSet known = (BitSet) recentSet.clone();
        List<String> history = new ArrayList<>(purchased.size() + recent.size());
        if (profile != null) {
            for (int item : profile.purchased()) {
                if (!recentSet.get(item)) {
                    history.add(bundle.itemId(item));
                }
                known.set(item);
            }
        }
        Set<String> recentIds = recorded.purchased().isEmpty() ? Set.of() : Set.copyOf(recent);
        for (String itemId : recorded.purchased()) {
            int item = bundle.itemIndex(itemId);
            if (item >= 0 ? !recentSet.get(item) && (profile == null || !profile.hasPurchased(item))
                    : !recentIds.contains(itemId)) {
                history.add(itemId);
                if (item >= 0) {
                    known.set(item);
                }
            }
        }
        history.addAll(recent);
        history = List.copyOf(history);
        String versionId = version.version().version();
        if (known.isEmpty()) {
            return fallback(bundle, customerId, versionId, k, filter, segment);
        }
        int[] recentKnown = Arrays.stream(recentItems).filter(item -> item >= 0).distinct().toArray();
        Explainer explainer = new Explainer(bundle, known, recentKnown);
        String provider = version.model().info().provider();
        List<ScoredItem> items = new ArrayList<>(k);
        for (Recommendation recommendation : modelRanking(version, customerId, history, k, filter)) {
            if (items.size() == k) {
                break;
            }
            int item = bundle.itemIndex(recommendation.itemId());
            if (filter.accepts(recommendation.itemId(), item)) {
                List<String> because = explainer.becauseOf(item);
                String reason = because.isEmpty() ? "ranked by model '" + provider + "'"
                        : "bought with " + String.join(", ", because);
                items.add(new ScoredItem(recommendation.itemId(), recommendation.score(), reason, because));
            }
        }
        return new RecommendationResponse(customerId, versionId, RecommendationSource.MODEL, items);
    }

    /** The customer's purchases in the bundle and since, as one immutable set. */
    private static Set<String> purchased(ServingBundle bundle, CustomerProfile profile, Set<String> recorded) {
        if (profile == null) {
            return recorded;
        }
        String[] ids = new String[profile.purchased().length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = bundle.itemId(profile.purchased()[i]);
        }
        if (recorded.isEmpty()) {
            return Set.of(ids);
        }
        Set<String> all = new HashSet<>(recorded);
        all.addAll(Arrays.asList(ids));
        return Set.copyOf(all);
    }

    /** Asks for more and more items until k pass the filters or the model has no more to give. */
    private static List<Recommendation> modelRanking(LoadedVersion version, String customerId,
            List<String> history, int k, ItemFilter filter) {
        Set<String> excluded = filter.modelExclusions();
        int cap = Math.max(k, version.bundle().itemCount() + excluded.size());
        int limit = Math.min(cap, Math.max(2 * k, k + 20));
        while (true) {
            List<Recommendation> ranked;
            try {
                ranked = version.model().recommend(new RecommendationQuery(customerId, history, limit, excluded));
            } catch (PersonalizationException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new PredictionException("Model '" + version.model().info().provider() + "' of version "
                        + version.version().version() + " failed to recommend: " + e, e);
            }
            int passing = 0;
            for (Recommendation recommendation : ranked) {
                if (filter.accepts(recommendation.itemId(), version.bundle().itemIndex(recommendation.itemId()))
                        && ++passing == k) {
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
