package io.deeppersona.core.propensity;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.Catalogue;
import io.deeppersona.api.CustomerEvent;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventLogBuilder;
import io.deeppersona.api.EventType;
import io.deeppersona.api.FeatureTable;
import io.deeppersona.api.FeatureVector;
import io.deeppersona.core.eventlog.ColumnarEventLog;
import io.deeppersona.core.features.BehaviourMatrixFeatureExtractor;
import io.deeppersona.core.features.BehaviourMatrixOptions;
import io.deeppersona.core.features.RfmFeatureExtractor;
import io.deeppersona.core.features.RfmOptions;
import io.deeppersona.spi.FittedFeatureExtractor;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Customers' features before a cutoff and whether they respond in the horizon after it: the training (or test)
 * set of a propensity model. Features ({@code rfm}, {@code behaviour_matrix}) see only events strictly before the
 * cutoff; the label looks only at {@code [cutoff, cutoff + horizon)}, so an event exactly at the cutoff is a
 * label, never a feature. Rows are the customers with at least one event before the cutoff.
 *
 * @param features one row per customer
 * <p>{@link TabularDataset} makes datasets of the same shape from campaign tables.
 *
 * @param features one row per customer
 * @param labels customer id to 1 (responded) or 0, for every row
 */
public record PropensityDataset(FeatureTable features, Map<String, Float> labels) {
    public PropensityDataset {
        requireNonNull(features, "features is null");
        labels = Map.copyOf(requireNonNull(labels, "labels is null"));
        for (FeatureVector row : features.rows()) {
            if (!labels.containsKey(row.customerId())) {
                throw new IllegalArgumentException("a feature row has no label (row of " + features.size() + ")");
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Returns the labels in feature-row order, for metrics. */
    public boolean[] outcomes() {
        boolean[] outcomes = new boolean[features.size()];
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] = labels.get(features.row(i).customerId()) == 1f;
        }
        return outcomes;
    }

    /** Returns the share of positive rows. */
    public double positiveRate() {
        boolean[] outcomes = outcomes();
        int positives = 0;
        for (boolean outcome : outcomes) {
            positives += outcome ? 1 : 0;
        }
        return (double) positives / Math.max(1, outcomes.length);
    }

    /** A training set and a test set whose features share one fitted encoding. */
    public record Split(PropensityDataset train, PropensityDataset test) {
        public Split {
            requireNonNull(train, "train is null");
            requireNonNull(test, "test is null");
        }
    }

    /** Builds propensity datasets from one event log. Single-threaded and single-use. */
    public static final class Builder {
        private EventLog events;
        private Catalogue catalogue = Catalogue.empty();
        private Duration horizon = Duration.ofDays(30);
        private Set<EventType> qualifying = Set.of(EventType.PURCHASE);
        private Optional<String> category = Optional.empty();
        private RfmOptions rfm = RfmOptions.defaults();
        private BehaviourMatrixOptions behaviourMatrix = BehaviourMatrixOptions.defaults();

        private Builder() {
        }

        public Builder events(EventLog log) {
            this.events = requireNonNull(log, "events is null");
            return this;
        }

        public Builder catalogue(Catalogue items) {
            this.catalogue = requireNonNull(items, "catalogue is null");
            return this;
        }

        /** The label window's length; default 30 days. */
        public Builder horizon(Duration window) {
            requireNonNull(window, "horizon is null");
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("horizon must be positive, got " + window);
            }
            this.horizon = window;
            return this;
        }

        /** The event types that count as a response; default purchases. */
        public Builder qualifying(Set<EventType> types) {
            if (requireNonNull(types, "qualifying is null").isEmpty()) {
                throw new IllegalArgumentException("qualifying event types are empty; name at least one");
            }
            this.qualifying = Set.copyOf(types);
            return this;
        }

        /** Only responses on items whose catalogue category path contains {@code name} count. */
        public Builder category(String name) {
            requireNonNull(name, "category is null");
            if (name.isBlank()) {
                throw new IllegalArgumentException("category is blank");
            }
            this.category = Optional.of(name);
            return this;
        }

        public Builder rfm(RfmOptions options) {
            this.rfm = requireNonNull(options, "rfm is null");
            return this;
        }

        public Builder behaviourMatrix(BehaviourMatrixOptions options) {
            this.behaviourMatrix = requireNonNull(options, "behaviourMatrix is null");
            return this;
        }

        /** Builds the dataset of one cutoff, fitting the extractors on the events before it. */
        public PropensityDataset build(Instant cutoff) {
            EventLog before = before(cutoff);
            Extractors fitted = fit(before);
            return dataset(fitted.extract(before, catalogue), cutoff);
        }

        /**
         * Builds a training set at {@code trainCutoff} and a test set at the later {@code testCutoff}. The
         * extractors are fitted once, before {@code trainCutoff}; the test features come from the events before
         * {@code testCutoff}, shifted back by the gap between the cutoffs so that "days before the cutoff" means
         * the same in both sets, and the category and event-type layout is the training one.
         */
        public Split build(Instant trainCutoff, Instant testCutoff) {
            if (!testCutoff.isAfter(trainCutoff)) {
                throw new IllegalArgumentException("testCutoff " + testCutoff + " must be after trainCutoff "
                        + trainCutoff);
            }
            EventLog trainBefore = before(trainCutoff);
            Extractors fitted = fit(trainBefore);
            PropensityDataset train = dataset(fitted.extract(trainBefore, catalogue), trainCutoff);
            long shift = testCutoff.toEpochMilli() - trainCutoff.toEpochMilli();
            EventLog testBefore = shifted(before(testCutoff), shift);
            PropensityDataset test = dataset(fitted.extract(testBefore, catalogue), testCutoff);
            return new Split(train, test);
        }

        private EventLog before(Instant cutoff) {
            requireNonNull(events, "events is not set: call events(log) first");
            requireNonNull(cutoff, "cutoff is null");
            long limit = cutoff.toEpochMilli();
            BitSet keep = new BitSet(events.size());
            for (int row = 0; row < events.size(); row++) {
                if (events.timestampMillis(row) < limit) {
                    keep.set(row);
                }
            }
            if (keep.isEmpty()) {
                throw new IllegalArgumentException("no events before cutoff " + cutoff + "; choose a later cutoff");
            }
            return events.filter(keep);
        }

        private Extractors fit(EventLog before) {
            return new Extractors(new RfmFeatureExtractor(rfm).fit(before, catalogue),
                    new BehaviourMatrixFeatureExtractor(behaviourMatrix).fit(before, catalogue));
        }

        private PropensityDataset dataset(FeatureTable features, Instant cutoff) {
            List<String> customers = features.rows().stream().map(FeatureVector::customerId).toList();
            long from = cutoff.toEpochMilli();
            Map<String, Float> labels = PropensityLabels.of(events, catalogue, customers, from,
                    from + horizon.toMillis(), qualifying, category);
            return new PropensityDataset(features, labels);
        }

        private static EventLog shifted(EventLog log, long shiftMillis) {
            EventLogBuilder builder = ColumnarEventLog.builder();
            for (int row = 0; row < log.size(); row++) {
                CustomerEvent event = log.event(row);
                builder.add(new CustomerEvent(event.customerId(), event.itemId(), event.type(),
                        event.timestamp().minusMillis(shiftMillis), event.quantity(), event.value(),
                        event.attributes()));
            }
            return builder.build();
        }
    }

    private record Extractors(FittedFeatureExtractor rfm, FittedFeatureExtractor behaviour) {
        FeatureTable extract(EventLog log, Catalogue catalogue) {
            return rfm.extract(log, catalogue).join(behaviour.extract(log, catalogue));
        }
    }
}
