package io.deeppersona.core.models.auto;

import java.util.ArrayList;
import java.util.List;

/**
 * The points of a regular grid on the probability simplex: every way to give {@code components} non-negative
 * weights that are multiples of {@code 1 / steps} and sum to 1. Ordered with the most weight on the first component
 * first, so that among equal validation scores the search keeps the point nearest the best single candidate.
 */
final class WeightGrid {
    private WeightGrid() {
    }

    static List<double[]> points(int components, int steps) {
        if (components < 1 || steps < 1) {
            throw new IllegalArgumentException("need >= 1 component and >= 1 step, got " + components + ", " + steps);
        }
        List<double[]> points = new ArrayList<>();
        fill(new int[components], 0, steps, steps, points);
        return points;
    }

    /** Returns whether the point puts all weight on one component. */
    static boolean isVertex(double[] weights) {
        int nonZero = 0;
        for (double weight : weights) {
            if (weight > 0) {
                nonZero++;
            }
        }
        return nonZero == 1;
    }

    private static void fill(int[] parts, int position, int left, int steps, List<double[]> points) {
        if (position == parts.length - 1) {
            parts[position] = left;
            double[] weights = new double[parts.length];
            for (int component = 0; component < parts.length; component++) {
                weights[component] = (double) parts[component] / steps;
            }
            points.add(weights);
            return;
        }
        for (int part = left; part >= 0; part--) {
            parts[position] = part;
            fill(parts, position + 1, left - part, steps, points);
        }
    }
}
