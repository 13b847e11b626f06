package io.deeppersona.core.serving;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.Catalogue;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.FeatureVector;
import io.deeppersona.core.propensity.PropensityDataset;
import io.deeppersona.spi.Model;
import io.deeppersona.spi.ModelProvider;
import io.deeppersona.spi.ProviderContext;
import io.deeppersona.spi.TrainingData;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Trains a "responds within the horizon" campaign for serving: the model learns from the customers' features
 * one horizon before the end of the data and whether they bought in the horizon after; the served features are
 * every customer's as of the end of the data, encoded like the training ones ({@link PropensityDataset}'s
 * train/test split with the test cutoff just after the last event).
 */
public final class CampaignTraining {
    private CampaignTraining() {
    }

    /**
     * Trains the campaign.
     *
     * @param provider a propensity model provider, e.g. {@code logistic-regression}
     * @throws IllegalArgumentException if no event is older than one horizon before the end of the data
     */
    public static ServingCampaign train(String name, EventLog events, Catalogue catalogue, Duration horizon,
            ModelProvider provider, Map<String, Object> options, ProviderContext context) {
        requireNonNull(events, "events is null");
        long last = Long.MIN_VALUE;
        for (int row = 0; row < events.size(); row++) {
            last = Math.max(last, events.timestampMillis(row));
        }
        if (last == Long.MIN_VALUE) {
            throw new IllegalArgumentException("no events; a campaign needs training data");
        }
        Instant end = Instant.ofEpochMilli(last + 1);
        PropensityDataset.Split split = PropensityDataset.builder().events(events).catalogue(catalogue)
                .horizon(horizon).build(end.minus(horizon), end);
        Model model = provider.newTrainer(options, context).train(new TrainingData(events, catalogue,
                split.train().features(), split.train().labels()));
        Map<String, FeatureVector> features = new HashMap<>();
        for (FeatureVector row : split.test().features().rows()) {
            features.put(row.customerId(), row);
        }
        return new ServingCampaign(name, model, features, split.train().positiveRate());
    }
}
