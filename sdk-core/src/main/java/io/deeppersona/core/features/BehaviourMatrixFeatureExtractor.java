package io.deeppersona.core.features;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.Catalogue;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventType;
import io.deeppersona.api.FeatureField;
import io.deeppersona.api.FeatureKind;
import io.deeppersona.api.FeatureSchema;
import io.deeppersona.api.FeatureTable;
import io.deeppersona.api.FeatureVector;
import io.deeppersona.spi.FeatureExtractor;
import io.deeppersona.spi.FittedFeatureExtractor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A time x category x event-type count tensor per customer, field {@code behaviour_matrix} of shape
 * {@code [buckets, categories, eventTypes]}, flattened row-major as {@code [bucket][category][type]} and labelled
 * {@code "b<bucket>/<category>/<type>"}: the "image" a CNN reads, event types as channels.
 *
 * <p>Bucket 0 is the {@code bucketDays} up to the training reference time (its latest timestamp), bucket 1 the
 * period before, and so on; events older than the last bucket are dropped, and events after the reference time
 * (when extracting on a later log) count in bucket 0 so that the newest behaviour is not lost. Categories come from
 * a {@link CategoryVocabulary} learned at fit over events of every type; event types are those with rows in the
 * training log, in its dictionary order, and types unseen in training are dropped. With {@code logScale} each
 * count becomes {@code log1p(count)}. Before fit, {@link #outputSchema()} has the largest category width and a
 * placeholder of one event type; the fitted schema has the exact shape.
 */
public final class BehaviourMatrixFeatureExtractor implements FeatureExtractor {
    static final String FIELD = "behaviour_matrix";

    private final BehaviourMatrixOptions options;

    public BehaviourMatrixFeatureExtractor(BehaviourMatrixOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    @Override
    public String name() {
        return BehaviourMatrixFeatureExtractorProvider.NAME;
    }

    @Override
    public FeatureSchema outputSchema() {
        return FeatureSchema.of(FeatureField.numeric(FIELD,
                List.of(options.buckets(), options.maxCategories() + 1, 1)));
    }

    /** @throws IllegalArgumentException if {@code training} has no events, so no event type is known */
    @Override
    public FittedFeatureExtractor fit(EventLog training, Catalogue catalogue) {
        requireNonNull(training, "training is null");
        requireNonNull(catalogue, "catalogue is null");
        boolean[] seen = new boolean[training.eventTypes().size()];
        for (int row = 0; row < training.size(); row++) {
            seen[training.eventType(row)] = true;
        }
        List<EventType> types = new ArrayList<>();
        for (int i = 0; i < seen.length; i++) {
            if (seen[i]) {
                types.add(training.eventTypes().get(i));
            }
        }
        if (types.isEmpty()) {
            throw new IllegalArgumentException("behaviour-matrix cannot fit on an empty training log: it learns "
                    + "its event-type channels from the training events");
        }
        boolean[] every = new boolean[seen.length];
        Arrays.fill(every, true);
        CategoryVocabulary vocabulary = CategoryVocabulary.learn(training, catalogue, every, options.level(),
                options.maxCategories());
        return new Fitted(options, FeatureValues.maxTimestamp(training), vocabulary, types);
    }

    /** The fitted state: reference time, category vocabulary and event-type channels. */
    record Fitted(BehaviourMatrixOptions options, long referenceMillis, CategoryVocabulary vocabulary,
            List<EventType> types) implements FittedFeatureExtractor {
        Fitted {
            types = List.copyOf(types);
        }

        @Override
        public FeatureSchema schema() {
            List<String> categories = vocabulary.labels();
            List<String> labels = new ArrayList<>(options.buckets() * categories.size() * types.size());
            for (int bucket = 0; bucket < options.buckets(); bucket++) {
                for (String category : categories) {
                    for (EventType type : types) {
                        labels.add("b" + bucket + "/" + category + "/" + type.name());
                    }
                }
            }
            return FeatureSchema.of(new FeatureField(FIELD, FeatureKind.NUMERIC,
                    List.of(options.buckets(), categories.size(), types.size()), labels));
        }

        @Override
        public FeatureTable extract(EventLog events, Catalogue catalogue) {
            requireNonNull(catalogue, "catalogue is null");
            int[] channelOfType = new int[events.eventTypes().size()];
            for (int i = 0; i < channelOfType.length; i++) {
                channelOfType[i] = types.indexOf(events.eventTypes().get(i));
            }
            int[] labelOfItem = vocabulary.labelIndexOfItems(events, catalogue);
            int categories = vocabulary.size();
            int channels = types.size();
            int buckets = options.buckets();
            long bucketMillis = options.bucketDays() * FeatureValues.DAY_MILLIS;
            boolean log = options.logScale();
            return CustomerRows.table(events, schema(), (customerId, start, end) -> {
                float[] counts = new float[buckets * categories * channels];
                for (int row = start; row < end; row++) {
                    int channel = channelOfType[events.eventType(row)];
                    long age = Math.max(0, referenceMillis - events.timestampMillis(row));
                    long bucket = age / bucketMillis;
                    if (channel < 0 || bucket >= buckets) {
                        continue;
                    }
                    int category = labelOfItem[events.item(row)];
                    counts[((int) bucket * categories + category) * channels + channel]++;
                }
                if (log) {
                    for (int i = 0; i < counts.length; i++) {
                        counts[i] = (float) Math.log1p(counts[i]);
                    }
                }
                return new FeatureVector(customerId, Map.of(FIELD, counts), Map.of());
            });
        }
    }
}
