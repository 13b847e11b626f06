package io.deeppersona.core.serving;

import io.deeppersona.api.Recommendation;
import java.util.List;

/**
 * A model's ranking for one request in the catalogue's terms: item ids, their catalogue indices (-1 for an item the
 * catalogue does not know) and scores, best first.
 */
record RankedCandidates(String[] ids, int[] items, double[] scores) {

    /** A ranking a model returned by id; each id is looked up in the catalogue once. */
    static RankedCandidates of(List<Recommendation> ranked, ServingBundle bundle) {
        String[] ids = new String[ranked.size()];
        int[] items = new int[ids.length];
        double[] scores = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = ranked.get(i).itemId();
            items[i] = bundle.itemIndex(ids[i]);
            scores[i] = ranked.get(i).score();
        }
        return new RankedCandidates(ids, items, scores);
    }

    int size() {
        return ids.length;
    }
}
