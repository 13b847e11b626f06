package io.deeppersona.core.models.auto;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.EventLog;
import io.deeppersona.spi.ModelCapability;
import io.deeppersona.spi.ModelProvider;
import io.deeppersona.spi.TrainingData;
import java.util.BitSet;
import java.util.Map;

/**
 * A model {@code auto} may choose: its registered provider and the options it is trained with, both in validation
 * and in the final retraining.
 *
 * @param name the candidate's label (its provider's name unless relabelled)
 * @param provider the provider, found through the context's registry
 * @param options the candidate's options, with the seed filled in for seeded providers
 * @param trainingDays train on the last N days of the given events only; 0 for all of them
 */
record Candidate(String name, ModelProvider provider, Map<String, Object> options, int trainingDays) {
    Candidate {
        requireNonNull(name, "name is null");
        requireNonNull(provider, "provider is null");
        options = Map.copyOf(requireNonNull(options, "options is null"));
        if (trainingDays < 0) {
            throw new IllegalArgumentException("trainingDays must be >= 0, got " + trainingDays);
        }
    }

    /** Returns the events this candidate trains on out of {@code data}: the last {@link #trainingDays} days. */
    TrainingData restrict(TrainingData data) {
        if (trainingDays == 0) {
            return data;
        }
        EventLog events = data.events();
        long max = Long.MIN_VALUE;
        for (int row = 0; row < events.size(); row++) {
            max = Math.max(max, events.timestampMillis(row));
        }
        long from = max - trainingDays * 86_400_000L;
        BitSet keep = new BitSet(events.size());
        for (int row = 0; row < events.size(); row++) {
            if (events.timestampMillis(row) >= from) {
                keep.set(row);
            }
        }
        return new TrainingData(events.filter(keep), data.catalogue(), data.features(), data.labels());
    }

    boolean concurrent() {
        return provider.capabilities().contains(ModelCapability.CONCURRENT_RECOMMEND);
    }
}
