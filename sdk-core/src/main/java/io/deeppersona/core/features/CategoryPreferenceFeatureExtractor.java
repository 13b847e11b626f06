package io.deeppersona.core.features;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.Catalogue;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.FeatureField;
import io.deeppersona.api.FeatureSchema;
import io.deeppersona.api.FeatureTable;
import io.deeppersona.api.FeatureVector;
import io.deeppersona.spi.FeatureExtractor;
import io.deeppersona.spi.FittedFeatureExtractor;
import java.util.List;
import java.util.Map;

/**
 * The share of a customer's counted events per category, field {@code category_preference} labelled by the
 * categories of a {@link CategoryVocabulary} learned at fit (the last label is {@code "other"}).
 *
 * <p>With weighting {@code "value"} each event weighs its value, unknown values counting as 0 and negative values
 * (returns) as 0 too, since a refund says nothing about a liking. Shares sum to 1, or are all 0 when the customer
 * has no counted events (or no positive value). Before fit, {@link #outputSchema()} gives the largest possible
 * width, {@code maxCategories + 1}; the fitted schema has the exact one.
 */
public final class CategoryPreferenceFeatureExtractor implements FeatureExtractor {
    static final String FIELD = "category_preference";

    private final CategoryPreferenceOptions options;

    public CategoryPreferenceFeatureExtractor(CategoryPreferenceOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    @Override
    public String name() {
        return CategoryPreferenceFeatureExtractorProvider.NAME;
    }

    @Override
    public FeatureSchema outputSchema() {
        return FeatureSchema.of(FeatureField.numeric(FIELD, List.of(options.maxCategories() + 1)));
    }

    @Override
    public FittedFeatureExtractor fit(EventLog training, Catalogue catalogue) {
        requireNonNull(training, "training is null");
        requireNonNull(catalogue, "catalogue is null");
        boolean[] counted = selection(options).mask(training);
        return new Fitted(options, CategoryVocabulary.learn(training, catalogue, counted, options.level(),
                options.maxCategories()));
    }

    private static EventTypeSelection selection(CategoryPreferenceOptions options) {
        return EventTypeSelection.of(options.eventTypes(), RfmOptions.DEFAULT_EVENT_TYPES);
    }

    /** The fitted state: the category vocabulary. */
    record Fitted(CategoryPreferenceOptions options, CategoryVocabulary vocabulary) implements FittedFeatureExtractor {
        @Override
        public FeatureSchema schema() {
            return FeatureSchema.of(FeatureField.labelledVector(FIELD, vocabulary.labels()));
        }

        @Override
        public FeatureTable extract(EventLog events, Catalogue catalogue) {
            requireNonNull(catalogue, "catalogue is null");
            boolean[] counted = selection(options).mask(events);
            int[] labelOfItem = vocabulary.labelIndexOfItems(events, catalogue);
            boolean byValue = options.weighting().equals("value");
            int width = vocabulary.size();
            return CustomerRows.table(events, schema(), (customerId, start, end) -> {
                double[] weights = new double[width];
                double total = 0;
                for (int row = start; row < end; row++) {
                    if (!counted[events.eventType(row)]) {
                        continue;
                    }
                    double weight = byValue ? Math.max(0, FeatureValues.valueOrZero(events.value(row))) : 1;
                    weights[labelOfItem[events.item(row)]] += weight;
                    total += weight;
                }
                float[] shares = new float[width];
                if (total > 0) {
                    for (int i = 0; i < width; i++) {
                        shares[i] = (float) (weights[i] / total);
                    }
                }
                return new FeatureVector(customerId, Map.of(FIELD, shares), Map.of());
            });
        }
    }
}
