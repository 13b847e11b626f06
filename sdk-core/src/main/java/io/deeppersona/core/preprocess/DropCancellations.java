package io.deeppersona.core.preprocess;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventType;
import io.deeppersona.spi.FittedPreprocessor;
import io.deeppersona.spi.PreprocessResult;
import io.deeppersona.spi.Preprocessor;
import java.util.List;

/**
 * Drops cancelled invoices, negative quantities, non-positive values and return events, which say nothing about
 * what a customer wants. Reasons, checked in this order (a row counts under the first):
 * {@code "cancelled-invoice"}, {@code "negative-quantity"}, {@code "non-positive-value"}, {@code "return-event"}.
 *
 * <p>Unknown quantities and values ({@code NaN}) are neither negative nor non-positive, and a log without the
 * invoice attribute has no cancelled invoices. Stateless; immutable and thread-safe.
 */
public final class DropCancellations implements Preprocessor, FittedPreprocessor {
    static final String CANCELLED_INVOICE = "cancelled-invoice";
    static final String NEGATIVE_QUANTITY = "negative-quantity";
    static final String NON_POSITIVE_VALUE = "non-positive-value";
    static final String RETURN_EVENT = "return-event";
    private static final List<String> REASONS = List.of(CANCELLED_INVOICE, NEGATIVE_QUANTITY, NON_POSITIVE_VALUE,
            RETURN_EVENT);

    private final DropCancellationsOptions options;

    public DropCancellations(DropCancellationsOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    @Override
    public String name() {
        return DropCancellationsProvider.NAME;
    }

    @Override
    public FittedPreprocessor fit(EventLog training) {
        return this;
    }

    @Override
    public PreprocessResult apply(EventLog events) {
        RowDrops drops = new RowDrops(events, REASONS);
        int invoiceColumn = events.attributeColumn(options.invoiceAttribute());
        int returnType = options.dropReturnEvents() ? events.eventTypes().indexOf(EventType.RETURN) : -1;
        String prefix = options.cancelPrefix();
        for (int row = 0; row < events.size(); row++) {
            String invoice = invoiceColumn < 0 ? null : events.attribute(row, invoiceColumn);
            if (invoice != null && invoice.startsWith(prefix)) {
                drops.drop(row, CANCELLED_INVOICE);
            } else if (options.dropNegativeQuantity() && events.quantity(row) < 0) {
                drops.drop(row, NEGATIVE_QUANTITY);
            } else if (options.dropNonPositiveValue() && events.value(row) <= 0) {
                drops.drop(row, NON_POSITIVE_VALUE);
            } else if (returnType >= 0 && events.eventType(row) == returnType) {
                drops.drop(row, RETURN_EVENT);
            }
        }
        return drops.result();
    }

    /** Returns the options this step was made with. */
    public DropCancellationsOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return "DropCancellations" + options;
    }
}
