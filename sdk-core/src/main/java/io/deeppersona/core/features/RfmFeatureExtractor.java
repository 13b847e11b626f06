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
 * Recency, frequency and monetary value per customer, field {@code rfm} = {@code [recency_days, frequency,
 * monetary]}.
 *
 * <p>Recency is the fractional days from the customer's last counted event to the reference time (the latest
 * timestamp of the training log), clamped at 0 for events after it. A customer without counted events gets the
 * training horizon (reference time minus the earliest training timestamp) as recency: "not within anything we
 * saw". Frequency counts distinct occasions (see {@link PurchaseOccasions}); monetary sums the values, unknown
 * values counting as 0. With {@code logScale}, frequency and monetary become {@code sign(x) * log1p(|x|)}.
 */
public final class RfmFeatureExtractor implements FeatureExtractor {
    static final String FIELD = "rfm";
    static final FeatureSchema SCHEMA = FeatureSchema.of(
            FeatureField.labelledVector(FIELD, List.of("recency_days", "frequency", "monetary")));

    private final RfmOptions options;

    public RfmFeatureExtractor(RfmOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    @Override
    public String name() {
        return RfmFeatureExtractorProvider.NAME;
    }

    @Override
    public FeatureSchema outputSchema() {
        return SCHEMA;
    }

    @Override
    public FittedFeatureExtractor fit(EventLog training, Catalogue catalogue) {
        requireNonNull(training, "training is null");
        long reference = FeatureValues.maxTimestamp(training);
        double horizonDays = FeatureValues.days(reference - FeatureValues.minTimestamp(training));
        return new Fitted(options, reference, horizonDays);
    }

    /** The fitted state: the training reference time and horizon. */
    record Fitted(RfmOptions options, long referenceMillis, double horizonDays) implements FittedFeatureExtractor {
        @Override
        public FeatureSchema schema() {
            return SCHEMA;
        }

        @Override
        public FeatureTable extract(EventLog events, Catalogue catalogue) {
            boolean[] counted = EventTypeSelection.of(options.eventTypes(), RfmOptions.DEFAULT_EVENT_TYPES)
                    .mask(events);
            int orderColumn = PurchaseOccasions.orderColumn(events, options.orderAttribute());
            boolean log = options.logScale();
            return CustomerRows.table(events, SCHEMA, (customerId, start, end) -> {
                PurchaseOccasions p = PurchaseOccasions.of(events, start, end, counted, orderColumn);
                double recency = p.events() == 0 ? horizonDays
                        : Math.max(0, FeatureValues.days(referenceMillis - p.lastMillis()));
                double frequency = log ? Math.log1p(p.occasions()) : p.occasions();
                double monetary = log ? FeatureValues.signedLog1p(p.monetary()) : p.monetary();
                float[] values = {(float) recency, (float) frequency, (float) monetary};
                return new FeatureVector(customerId, Map.of(FIELD, values), Map.of());
            });
        }
    }
}
