package io.deeppersona.core.eval;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Metrics of a propensity model's scores against binary outcomes. Pure functions; see {@code docs/evaluation.md}.
 */
public final class PropensityMetrics {
    /** Probabilities are clipped to [EPSILON, 1 - EPSILON] in the log loss, so one confident miss stays finite. */
    public static final double EPSILON = 1e-15;

    private PropensityMetrics() {
    }

    /**
     * Returns the area under the ROC curve as the Mann-Whitney statistic: the probability that a random positive
     * scores above a random negative, a tie counting one half (tied scores share their average rank).
     *
     * @throws IllegalArgumentException if the arrays differ in length or all labels are equal
     */
    public static double auc(double[] scores, boolean[] labels) {
        check(scores, labels);
        int n = scores.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(row -> scores[row]));
        double positiveRankSum = 0;
        long positives = 0;
        int from = 0;
        while (from < n) {
            int to = from;
            while (to + 1 < n && scores[order[to + 1]] == scores[order[from]]) {
                to++;
            }
            // Ranks are 1-based; the tied block from..to shares the mean of ranks from+1..to+1.
            double averageRank = (from + to + 2) / 2.0;
            for (int i = from; i <= to; i++) {
                if (labels[order[i]]) {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }
            from = to + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("AUC needs both outcomes; got " + positives + " positives and "
                    + negatives + " negatives");
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /**
     * Returns the mean binary cross-entropy {@code -mean(y ln p + (1 - y) ln(1 - p))} with {@code p} clipped to
     * [{@link #EPSILON}, 1 - {@link #EPSILON}].
     *
     * @throws IllegalArgumentException if the arrays differ in length, are empty, or a probability is outside [0, 1]
     */
    public static double logLoss(double[] probabilities, boolean[] labels) {
        check(probabilities, labels);
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double p = probabilities[i];
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probability at " + i + " must be in [0, 1], got " + p);
            }
            p = Math.min(1 - EPSILON, Math.max(EPSILON, p));
            sum += labels[i] ? Math.log(p) : Math.log(1 - p);
        }
        return -sum / probabilities.length;
    }

    /**
     * Returns the lift in the top {@code fraction} by score: the positive rate among the {@code ceil(fraction * n)}
     * highest scores (at least one) divided by the positive rate of all {@code n}. Equal scores at the boundary are
     * taken in input order, so the result is deterministic.
     *
     * @throws IllegalArgumentException if the arrays differ in length, are empty, hold no positive, or
     *     {@code fraction} is not in (0, 1]
     */
    public static double lift(double[] scores, boolean[] labels, double fraction) {
        check(scores, labels);
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
        }
        int n = scores.length;
        long positives = IntStream.range(0, n).filter(i -> labels[i]).count();
        if (positives == 0) {
            throw new IllegalArgumentException("lift needs at least one positive label, got none among " + n);
        }
        int top = Math.max(1, (int) Math.ceil(fraction * n - 1e-9));
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        // Arrays.sort on objects is stable, so ties keep input order.
        Arrays.sort(order, Comparator.comparingDouble((Integer row) -> scores[row]).reversed());
        long topPositives = 0;
        for (int i = 0; i < top; i++) {
            if (labels[order[i]]) {
                topPositives++;
            }
        }
        return ((double) topPositives / top) / ((double) positives / n);
    }

    private static void check(double[] scores, boolean[] labels) {
        requireNonNull(scores, "scores is null");
        requireNonNull(labels, "labels is null");
        if (scores.length != labels.length) {
            throw new IllegalArgumentException("scores and labels differ in length: " + scores.length + " vs "
                    + labels.length);
        }
        if (scores.length == 0) {
            throw new IllegalArgumentException("no scores to evaluate");
        }
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score at " + i + " is NaN");
            }
        }
    }
}
