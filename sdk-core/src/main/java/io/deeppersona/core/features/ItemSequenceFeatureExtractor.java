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
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;

/**
 * The customer's latest items, field {@code item_sequence} of kind {@code ITEM_SEQUENCE} and shape {@code [length]},
 * oldest first. Customers with less history get a shorter sequence (none at all when no event counts). Nothing is
 * learned in fit: item ids pass through, so unseen items appear as they are.
 */
public final class ItemSequenceFeatureExtractor implements FeatureExtractor {
    static final String FIELD = "item_sequence";

    private final ItemSequenceOptions options;
    private final FeatureSchema schema;

    public ItemSequenceFeatureExtractor(ItemSequenceOptions options) {
        this.options = requireNonNull(options, "options is null");
        this.schema = FeatureSchema.of(FeatureField.itemSequence(FIELD, options.length()));
    }

    @Override
    public String name() {
        return ItemSequenceFeatureExtractorProvider.NAME;
    }

    @Override
    public FeatureSchema outputSchema() {
        return schema;
    }

    @Override
    public FittedFeatureExtractor fit(EventLog training, Catalogue catalogue) {
        requireNonNull(training, "training is null");
        return new Fitted(options, schema);
    }

    /** The fitted extractor; it carries only its options. */
    record Fitted(ItemSequenceOptions options, FeatureSchema schema) implements FittedFeatureExtractor {
        @Override
        public FeatureTable extract(EventLog events, Catalogue catalogue) {
            boolean[] counted = EventTypeSelection.of(options.eventTypes(), null).mask(events);
            int length = options.length();
            boolean collapse = options.collapseRepeats();
            return CustomerRows.table(events, schema, (customerId, start, end) -> {
                ArrayDeque<Integer> latest = new ArrayDeque<>(length);
                int previous = -1;
                for (int row = start; row < end; row++) {
                    if (!counted[events.eventType(row)]) {
                        continue;
                    }
                    int item = events.item(row);
                    if (collapse && item == previous) {
                        continue;
                    }
                    previous = item;
                    if (latest.size() == length) {
                        latest.removeFirst();
                    }
                    latest.addLast(item);
                }
                List<String> ids = latest.stream().map(events::itemId).toList();
                return new FeatureVector(customerId, Map.of(), Map.of(FIELD, ids));
            });
        }
    }
}
