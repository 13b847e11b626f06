package io.deeppersona.core.models.auto;

import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.core.eval.GlobalTimeSplit;
import io.deeppersona.core.eval.PerCustomerSplit;
import io.deeppersona.core.eval.SplitStrategy;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Options of the {@code auto} model; absent (null) values take their defaults.
 *
 * @param candidates models to train and compare (default popularity, item-knn, ease,
 *     recent-popularity=popularity, recent-ease=ease; caser-cnn is not a default: on Online Retail it validates far
 *     below EASE and costs minutes, see docs/caser-cnn.md; list it to include it), each a provider
 *     name or {@code label=provider} (e.g. {@code recent-ease=ease}) so one provider can compete with several
 *     settings; the label names the candidate everywhere else
 * @param candidateOptions candidate label to that candidate's options (default none: each candidate's defaults)
 * @param trainingDays candidate label to N: that candidate trains on the last N days of the events it is given
 *     only, in validation and in the final retraining (default: recent-popularity 14, recent-ease 30 with the
 *     default candidates, none with a user's list)
 * @param metric the validation metric that decides, {@code name@K} with name one of hr, recall, ndcg, mrr, map,
 *     precision (default {@code ndcg@10})
 * @param validationSplit how validation is cut from the training data: {@code global} (default: the last
 *     {@code validationDays} days for everyone) or {@code per-customer} (each customer's last
 *     {@code validationFraction} of events, whole baskets); use the cut the model will be judged by
 * @param validationDays with the global cut, the last N days of the training data (default 30), >= 1
 * @param validationFraction with the per-customer cut, each customer's share of validation events (default 0.2),
 *     in (0, 1)
 * @param blend whether a weighted blend of the best candidates may win (default true)
 * @param seed given as option {@code seed} to candidates that are {@code SEEDED} and set none (default 42)
 * @param blendComponents the most candidates a blend mixes (default 3), >= 2
 * @param blendDepth how many items each component contributes per query (default 200), >= 1
 * @param weightStep grid step of the weight a candidate joins a blend with (default 0.1), in (0, 0.5] and
 *     dividing 1
 * @param normalisation how a component's scores are made comparable per query: {@code min-max} (default) or
 *     {@code rank}
 */
public record AutoOptions(List<String> candidates, Map<String, Map<String, Object>> candidateOptions,
        Map<String, Integer> trainingDays, String metric, String validationSplit,
        Integer validationDays, Double validationFraction, Boolean blend, Long seed, Integer blendComponents, Integer blendDepth,
        Double weightStep, String normalisation) {
    public static final List<String> DEFAULT_CANDIDATES = List.of("popularity", "item-knn", "ease",
            "recent-popularity=popularity", "recent-ease=ease");
    /** Windows of the default recent candidates, chosen on the Online Retail validation period (docs/auto.md). */
    public static final Map<String, Integer> DEFAULT_TRAINING_DAYS = Map.of("recent-popularity", 14,
            "recent-ease", 30);
    public static final String DEFAULT_METRIC = "ndcg@10";
    public static final int DEFAULT_VALIDATION_DAYS = 30;
    public static final double DEFAULT_VALIDATION_FRACTION = 0.2;
    public static final String GLOBAL = "global";
    public static final String PER_CUSTOMER = "per-customer";
    public static final long DEFAULT_SEED = 42L;
    public static final int DEFAULT_BLEND_COMPONENTS = 3;
    public static final int DEFAULT_BLEND_DEPTH = 200;
    public static final double DEFAULT_WEIGHT_STEP = 0.1;
    private static final Set<String> METRICS = Set.of("hr", "recall", "ndcg", "mrr", "map", "precision");

    public AutoOptions {
        if (trainingDays == null) {
            // The default windows belong to the default candidates; a user's own list starts with none.
            trainingDays = candidates == null ? DEFAULT_TRAINING_DAYS : Map.of();
        }
        trainingDays = Collections.unmodifiableMap(new LinkedHashMap<>(trainingDays));
        candidates = candidates == null ? DEFAULT_CANDIDATES : List.copyOf(candidates);
        candidateOptions = candidateOptions == null ? Map.of() : copy(candidateOptions);
        metric = metric == null ? DEFAULT_METRIC : metric;
        validationSplit = validationSplit == null ? GLOBAL : validationSplit;
        validationDays = validationDays == null ? DEFAULT_VALIDATION_DAYS : validationDays;
        validationFraction = validationFraction == null ? DEFAULT_VALIDATION_FRACTION : validationFraction;
        if (!validationSplit.equals(GLOBAL) && !validationSplit.equals(PER_CUSTOMER)) {
            throw new ConfigurationException("auto option 'validationSplit' must be 'global' or 'per-customer', got '"
                    + validationSplit + "'");
        }
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new ConfigurationException("auto option 'validationFraction' must lie in (0, 1), got "
                    + validationFraction);
        }
        blend = blend == null ? Boolean.TRUE : blend;
        seed = seed == null ? DEFAULT_SEED : seed;
        blendComponents = blendComponents == null ? DEFAULT_BLEND_COMPONENTS : blendComponents;
        blendDepth = blendDepth == null ? DEFAULT_BLEND_DEPTH : blendDepth;
        weightStep = weightStep == null ? DEFAULT_WEIGHT_STEP : weightStep;
        normalisation = normalisation == null ? Normalisation.MIN_MAX.label() : normalisation;
        checkCandidates(candidates, candidateOptions, trainingDays);
        metricK(metric);
        if (validationDays < 1) {
            throw new ConfigurationException("auto option 'validationDays' must be >= 1, got " + validationDays);
        }
        if (blendComponents < 2) {
            throw new ConfigurationException("auto option 'blendComponents' must be >= 2, got " + blendComponents);
        }
        if (blendDepth < 1) {
            throw new ConfigurationException("auto option 'blendDepth' must be >= 1, got " + blendDepth);
        }
        double steps = 1.0 / weightStep;
        if (!(weightStep > 0 && weightStep <= 0.5) || Math.abs(steps - Math.rint(steps)) > 1e-9) {
            throw new ConfigurationException("auto option 'weightStep' must lie in (0, 0.5] and divide 1 evenly "
                    + "(e.g. 0.1, 0.05, 0.25), got " + weightStep);
        }
        Normalisation.of(normalisation);
    }

    /** The defaults. */
    public AutoOptions() {
        this(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Returns the cut-off K of {@link #metric()}. */
    public int k() {
        return metricK(metric);
    }

    /** Returns the cut that makes the validation period. */
    SplitStrategy validationCut() {
        return validationSplit.equals(GLOBAL) ? new GlobalTimeSplit(validationDays)
                : new PerCustomerSplit(validationFraction, true);
    }

    /** Returns the number of grid steps from weight 0 to weight 1. */
    int weightSteps() {
        return (int) Math.rint(1.0 / weightStep);
    }

    private static int metricK(String metric) {
        int at = metric.indexOf('@');
        String name = at < 0 ? metric : metric.substring(0, at);
        if (at > 0 && METRICS.contains(name)) {
            try {
                int k = Integer.parseInt(metric.substring(at + 1));
                if (k >= 1) {
                    return k;
                }
            } catch (NumberFormatException e) {
                // falls through to the message below, which says what is expected
            }
        }
        throw new ConfigurationException("auto option 'metric' must be name@K with name one of "
                + METRICS.stream().sorted().toList() + " and K >= 1 (e.g. 'ndcg@10'), got '" + metric + "'");
    }

    /** Returns the label of a candidate entry: the part before {@code =}, or the whole entry. */
    static String label(String entry) {
        int equals = entry.indexOf('=');
        return equals < 0 ? entry : entry.substring(0, equals);
    }

    /** Returns the provider name of a candidate entry: the part after {@code =}, or the whole entry. */
    static String providerName(String entry) {
        return entry.substring(entry.indexOf('=') + 1);
    }

    private static void checkCandidates(List<String> candidates, Map<String, Map<String, Object>> candidateOptions,
            Map<String, Integer> trainingDays) {
        if (candidates.isEmpty()) {
            throw new ConfigurationException("auto option 'candidates' is empty; list at least one model, e.g. "
                    + DEFAULT_CANDIDATES);
        }
        Set<String> labels = new HashSet<>();
        for (String candidate : candidates) {
            String kebab = "[a-z0-9]+(-[a-z0-9]+)*";
            if (candidate == null || !candidate.matches(kebab + "(=" + kebab + ")?")) {
                throw new ConfigurationException("auto option 'candidates' holds '" + candidate
                        + "', which is neither a lower-kebab model name nor label=model");
            }
            if (providerName(candidate).equals(AutoModelProvider.NAME)) {
                throw new ConfigurationException("auto option 'candidates' cannot hold 'auto' itself");
            }
            if (!labels.add(label(candidate))) {
                throw new ConfigurationException("auto option 'candidates' lists '" + label(candidate)
                        + "' twice; give one of them another label, e.g. 'recent-" + label(candidate) + "="
                        + providerName(candidate) + "'");
            }
        }
        for (String named : candidateOptions.keySet()) {
            if (!labels.contains(named)) {
                throw new ConfigurationException("auto option 'candidateOptions' names '" + named
                        + "', which is not a candidate; candidates are " + candidates);
            }
        }
        trainingDays.forEach((named, days) -> {
            if (!labels.contains(named)) {
                throw new ConfigurationException("auto option 'trainingDays' names '" + named
                        + "', which is not a candidate; candidates are " + candidates);
            }
            if (days == null || days < 1) {
                throw new ConfigurationException("auto option 'trainingDays' of '" + named + "' must be >= 1, got "
                        + days);
            }
        });
    }

    private static Map<String, Map<String, Object>> copy(Map<String, Map<String, Object>> options) {
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        options.forEach((name, values) -> copy.put(name, values == null ? Map.of() : Map.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }
}
