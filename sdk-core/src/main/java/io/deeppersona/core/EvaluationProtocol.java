package io.deeppersona.core;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How a pipeline validates its models: the train/test split and the ranking cut-off. The definitions are in
 * {@code docs/evaluation.md}.
 *
 * @param split {@code "global"} (a temporal cut for everyone) or {@code "per-customer"} (each customer's latest
 *     events)
 * @param testDays for {@code global}: test = events with timestamp >= max timestamp - testDays days
 * @param testFraction for {@code per-customer}: the fraction of each customer's distinct events held out
 * @param keepBaskets for {@code per-customer}: keep events at one instant on one side of the cut (default true)
 * @param k the ranking cut-off for HR@K, NDCG@K and the other metrics; default 10
 * @param excludeSeen whether items a customer had in training are excluded from recommendations and targets;
 *     default true
 * @param seed the seed given to every model that takes one, for reproducible runs; default 42
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationProtocol(String split, Integer testDays, Double testFraction, Boolean keepBaskets, Integer k,
        Boolean excludeSeen, Long seed) {
    public static final String GLOBAL = "global";
    public static final String PER_CUSTOMER = "per-customer";

    public EvaluationProtocol {
        requireNonNull(split, "split is null");
        switch (split) {
            case GLOBAL -> {
                if (testDays == null || testDays < 1) {
                    throw new IllegalArgumentException("split 'global' needs testDays >= 1, got " + testDays);
                }
                testFraction = null;
                keepBaskets = null;
            }
            case PER_CUSTOMER -> {
                if (testFraction == null || !(testFraction > 0 && testFraction < 1)) {
                    throw new IllegalArgumentException(
                            "split 'per-customer' needs 0 < testFraction < 1, got " + testFraction);
                }
                testDays = null;
                keepBaskets = keepBaskets == null ? Boolean.TRUE : keepBaskets;
            }
            default -> throw new IllegalArgumentException(
                    "split must be '" + GLOBAL + "' or '" + PER_CUSTOMER + "', got '" + split + "'");
        }
        k = k == null ? 10 : k;
        excludeSeen = excludeSeen == null ? Boolean.TRUE : excludeSeen;
        seed = seed == null ? 42L : seed;
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
    }

    /** The global temporal cut with K=10, exclude-seen on and seed 42. */
    public static EvaluationProtocol global(int testDays) {
        return new EvaluationProtocol(GLOBAL, testDays, null, null, null, null, null);
    }

    /** The per-customer cut with K=10, exclude-seen on and seed 42. */
    public static EvaluationProtocol perCustomer(double testFraction) {
        return new EvaluationProtocol(PER_CUSTOMER, null, testFraction, null, null, null, null);
    }

    /** Cuts baskets by row order instead of keeping them whole (per-customer split only). */
    public EvaluationProtocol withKeepBaskets(boolean newKeepBaskets) {
        if (!split.equals(PER_CUSTOMER)) {
            throw new IllegalStateException("keepBaskets applies to the per-customer split only");
        }
        return new EvaluationProtocol(split, testDays, testFraction, newKeepBaskets, k, excludeSeen, seed);
    }

    public EvaluationProtocol withK(int newK) {
        return new EvaluationProtocol(split, testDays, testFraction, keepBaskets, newK, excludeSeen, seed);
    }

    public EvaluationProtocol withExcludeSeen(boolean newExcludeSeen) {
        return new EvaluationProtocol(split, testDays, testFraction, keepBaskets, k, newExcludeSeen, seed);
    }

    public EvaluationProtocol withSeed(long newSeed) {
        return new EvaluationProtocol(split, testDays, testFraction, keepBaskets, k, excludeSeen, newSeed);
    }
}
