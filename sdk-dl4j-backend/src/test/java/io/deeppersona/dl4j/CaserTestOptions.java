package io.deeppersona.dl4j;

import java.util.HashMap;
import java.util.Map;

/** Options that train on a synthetic log of a few hundred events in about a second. */
final class CaserTestOptions {
    private CaserTestOptions() {
    }

    static Map<String, Object> tiny() {
        Map<String, Object> options = new HashMap<>();
        options.put("sequenceLength", 3);
        options.put("embeddingDim", 8);
        options.put("horizontalFilters", 4);
        options.put("verticalFilters", 2);
        options.put("maxEpochs", 2);
        options.put("batchSize", 64);
        options.put("learningRate", 0.01);
        options.put("validationDays", 0);
        options.put("seed", 7);
        return options;
    }
}
