package io.deeppersona.dl4j;

import io.deeppersona.api.error.ConfigurationException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of the {@code caser-cnn} model; absent options keep their defaults. See docs/caser-cnn.md for how the
 * defaults were chosen (on a validation split cut from training time only).
 *
 * @param sequenceLength     L, how many of the customer's latest items the network reads (default 5)
 * @param embeddingDim       d, the size of item and customer embeddings (default 100; the paper used 50)
 * @param horizontalFilters  n_h, filters per height 1..L (default 16)
 * @param verticalFilters    n_v, L x 1 filters (default 4; 0 switches them off)
 * @param dropout            fraction of the combined representation dropped while training (default 0.5)
 * @param targets            T, how many next items each sample predicts (default 1)
 * @param maxEpochs          upper bound on passes over the samples (default 8)
 * @param batchSize          samples per gradient step (default 128: more steps per epoch; docs/caser-cnn.md)
 * @param learningRate       Adam step size (default 0.002)
 * @param l2                 L2 weight decay (default 1e-6)
 * @param patience           epochs without a better validation score before stopping (default 3)
 * @param validationDays     with the global cut, the last N days of the training data validate; 0 trains
 *                           maxEpochs without validation (default 30)
 * @param validationMetric   ranking metric that picks the epoch, {@code name@K} (default {@code ndcg@10})
 * @param refit              after picking the epoch count, retrain from scratch on all training data, so the
 *                           model also learns the validation days (default true; docs/caser-cnn.md)
 * @param seed               seeds initialisation, dropout and shuffling (default 42)
 * @param checkpointDir      where each epoch is checkpointed and resumed from (default: no checkpoints)
 * @param windowsPerCustomer only each customer's latest N sliding windows become samples (default 20; 0 = all):
 *                           bounds the epoch cost and the weight of a few very long histories
 * @param novelTargets       train only on next items the customer had not bought before (default false)
 * @param historyInput       add a second input summarising the customer's whole history before the window (the
 *                           items bought, as a scaled multi-hot vector through a linear layer), beside the
 *                           customer embedding (default true; docs/caser-cnn.md)
 * @param validationSplit    how validation is cut from the training data: {@code global} (default: the last
 *                           {@code validationDays} days for everyone) or {@code per-customer} (each customer's last
 *                           {@code validationFraction} of events, whole baskets); a pipeline that evaluates passes
 *                           its own protocol's cut (the model is {@code VALIDATES})
 * @param validationFraction with the per-customer cut, each customer's share of validation events (default 0.2),
 *                           in (0, 1)
 */
public record CaserCnnOptions(Integer sequenceLength, Integer embeddingDim, Integer horizontalFilters,
        Integer verticalFilters, Double dropout, Integer targets, Integer maxEpochs, Integer batchSize,
        Double learningRate, Double l2, Integer patience, Integer validationDays, String validationMetric,
        Boolean refit, Long seed, String checkpointDir, Integer windowsPerCustomer, Boolean novelTargets,
        Boolean historyInput, String validationSplit, Double validationFraction) {
    public static final String GLOBAL = "global";
    public static final String PER_CUSTOMER = "per-customer";

    public CaserCnnOptions {
        sequenceLength = positive("sequenceLength", sequenceLength, 5);
        embeddingDim = positive("embeddingDim", embeddingDim, 100);
        horizontalFilters = positive("horizontalFilters", horizontalFilters, 16);
        verticalFilters = verticalFilters == null ? 4 : verticalFilters;
        if (verticalFilters < 0) {
            throw new ConfigurationException("caser-cnn option 'verticalFilters' must be >= 0, got " + verticalFilters);
        }
        dropout = dropout == null ? 0.5 : dropout;
        if (!(dropout >= 0 && dropout < 1)) {
            throw new ConfigurationException("caser-cnn option 'dropout' must be in [0, 1), got " + dropout);
        }
        targets = positive("targets", targets, 1);
        maxEpochs = positive("maxEpochs", maxEpochs, 8);
        batchSize = positive("batchSize", batchSize, 128);
        learningRate = learningRate == null ? 0.002 : learningRate;
        if (!(learningRate > 0)) {
            throw new ConfigurationException("caser-cnn option 'learningRate' must be > 0, got " + learningRate);
        }
        l2 = l2 == null ? 1e-6 : l2;
        if (!(l2 >= 0)) {
            throw new ConfigurationException("caser-cnn option 'l2' must be >= 0, got " + l2);
        }
        patience = positive("patience", patience, 3);
        validationDays = validationDays == null ? 30 : validationDays;
        if (validationDays < 0) {
            throw new ConfigurationException("caser-cnn option 'validationDays' must be >= 0, got " + validationDays);
        }
        validationMetric = validationMetric == null ? "ndcg@10" : validationMetric;
        if (!validationMetric.matches("(hr|recall|ndcg|mrr|map|precision)@[1-9][0-9]*")) {
            throw new ConfigurationException("caser-cnn option 'validationMetric' must be one of hr, recall, ndcg, "
                    + "mrr, map, precision followed by @K (e.g. ndcg@10), got '" + validationMetric + "'");
        }
        refit = refit == null ? Boolean.TRUE : refit;
        seed = seed == null ? 42L : seed;
        windowsPerCustomer = windowsPerCustomer == null ? 20 : windowsPerCustomer;
        novelTargets = novelTargets == null ? Boolean.FALSE : novelTargets;
        historyInput = historyInput == null ? Boolean.TRUE : historyInput;
        if (windowsPerCustomer < 0) {
            throw new ConfigurationException("caser-cnn option 'windowsPerCustomer' must be >= 0, got "
                    + windowsPerCustomer);
        }
        validationSplit = validationSplit == null ? GLOBAL : validationSplit;
        if (!validationSplit.equals(GLOBAL) && !validationSplit.equals(PER_CUSTOMER)) {
            throw new ConfigurationException("caser-cnn option 'validationSplit' must be 'global' or 'per-customer',"
                    + " got '" + validationSplit + "'");
        }
        validationFraction = validationFraction == null ? 0.2 : validationFraction;
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new ConfigurationException("caser-cnn option 'validationFraction' must lie in (0, 1), got "
                    + validationFraction);
        }
    }

    /** The defaults. */
    public CaserCnnOptions() {
        this(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** The K of {@link #validationMetric()}. */
    public int validationK() {
        return Integer.parseInt(validationMetric.substring(validationMetric.indexOf('@') + 1));
    }

    /** The options as a map of plain values, as recorded in the model's hyperparameters (no checkpoint path). */
    public Map<String, Object> hyperparameters() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("sequenceLength", sequenceLength);
        map.put("embeddingDim", embeddingDim);
        map.put("horizontalFilters", horizontalFilters);
        map.put("verticalFilters", verticalFilters);
        map.put("dropout", dropout);
        map.put("targets", targets);
        map.put("maxEpochs", maxEpochs);
        map.put("batchSize", batchSize);
        map.put("learningRate", learningRate);
        map.put("l2", l2);
        map.put("patience", patience);
        map.put("validationDays", validationDays);
        map.put("validationMetric", validationMetric);
        map.put("refit", refit);
        map.put("seed", seed);
        map.put("windowsPerCustomer", windowsPerCustomer);
        map.put("novelTargets", novelTargets);
        map.put("historyInput", historyInput);
        map.put("validationSplit", validationSplit);
        map.put("validationFraction", validationFraction);
        return map;
    }

    private static int positive(String name, Integer value, int fallback) {
        int actual = value == null ? fallback : value;
        if (actual < 1) {
            throw new ConfigurationException("caser-cnn option '" + name + "' must be >= 1, got " + actual);
        }
        return actual;
    }
}
