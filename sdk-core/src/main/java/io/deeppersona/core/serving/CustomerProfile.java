package io.deeppersona.core.serving;

import java.util.Arrays;

/**
 * What a serving bundle knows about one customer, as bundle item indices.
 *
 * @param recent the last items the customer interacted with, oldest first (repeats kept: order matters to
 *     sequence models)
 * @param purchased the distinct items the customer bought, ascending
 * @param segment the customer's segment index, or -1 when none
 */
record CustomerProfile(int[] recent, int[] purchased, int segment) {
    CustomerProfile {
        recent = recent.clone();
        // Distinct as well as sorted: the planner builds an immutable set from it, which refuses duplicates.
        purchased = Arrays.stream(purchased).sorted().distinct().toArray();
    }

    boolean hasPurchased(int item) {
        return Arrays.binarySearch(purchased, item) >= 0;
    }
}
