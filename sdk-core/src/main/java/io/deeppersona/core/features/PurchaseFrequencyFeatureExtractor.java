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
 * How regularly a customer buys, field {@code purchase_frequency} = {@code [occasions_per_30_days,
 * mean_days_between_occasions, days_since_first_event]}.
 *
 * <p>The rate divides the occasions (see {@link PurchaseOccasions}) by the customer's active span, from the first
 * to the last counted event but at least one day, so a one-day burst is not an absurd rate. The mean gap is the
 * span between the first and the last occasion divided by the number of gaps, 0 with a single occasion. Days since
 * the first counted event run to the training reference time, clamped at 0. A customer without counted events
 * gets zeros.
 */
public final class PurchaseFrequencyFeatureExtractor implements FeatureExtractor {
    static final String FIELD = "purchase_frequency";
    static final FeatureSchema SCHEMA = FeatureSchema.of(FeatureField.labelledVector(FIELD,
            List.of("occasions_per_30_days", "mean_days_between_occasions", "days_since_first_event")));

    private final PurchaseFrequencyOptions options;

    public PurchaseFrequencyFeatureExtractor(PurchaseFrequencyOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    @Override
    public String name() {
        return PurchaseFrequencyFeatureExtractorProvider.NAME;
    }

    @Override
    public FeatureSchema outputSchema() {
        return SCHEMA;
    }

    @Override
    public FittedFeatureExtractor fit(EventLog training, Catalogue catalogue) {
        requireNonNull(training, "training is null");
        return new Fitted(options, FeatureValues.maxTimestamp(training));
    }

    /** The fitted state: the training reference time. */
    record Fitted(PurchaseFrequencyOptions options, long referenceMillis) implements FittedFeatureExtractor {
        @Override
        public FeatureSchema schema() {
            return SCHEMA;
        }

        @Override
        public FeatureTable extract(EventLog events, Catalogue catalogue) {
            boolean[] counted = EventTypeSelection.of(options.eventTypes(), RfmOptions.DEFAULT_EVENT_TYPES)
                    .mask(events);
            int orderColumn = PurchaseOccasions.orderColumn(events, options.orderAttribute());
            return CustomerRows.table(events, SCHEMA, (customerId, start, end) -> {
                PurchaseOccasions p = PurchaseOccasions.of(events, start, end, counted, orderColumn);
                float[] values = new float[3];
                if (p.events() > 0) {
                    double spanDays = Math.max(1, FeatureValues.days(p.lastMillis() - p.firstMillis()));
                    values[0] = (float) (p.occasions() / spanDays * 30);
                    values[1] = p.occasions() < 2 ? 0f : (float) (FeatureValues.days(
                            p.lastOccasionMillis() - p.firstOccasionMillis()) / (p.occasions() - 1));
                    values[2] = (float) Math.max(0, FeatureValues.days(referenceMillis - p.firstMillis()));
                }
                return new FeatureVector(customerId, Map.of(FIELD, values), Map.of());
            });
        }
    }
}
