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
        purchased = purchased.clone();
        Arrays.sort(purchased);
    }

    boolean hasPurchased(int item) {
        return Arrays.binarySearch(purchased, item) >= 0;
    }
}
