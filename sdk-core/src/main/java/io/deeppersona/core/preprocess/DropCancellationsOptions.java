package io.deeppersona.core.preprocess;

import io.deeppersona.api.error.ConfigurationException;

/**
 * Options of {@code drop-cancellations}.
 *
 * @param invoiceAttribute the attribute holding the invoice number; default {@code "InvoiceNo"}
 * @param cancelPrefix an invoice number starting with this marks a cancellation; default {@code "C"}
 * @param dropNegativeQuantity drop events with quantity below 0; default true
 * @param dropNonPositiveValue drop events with value 0 or below (free samples, adjustments); default true
 * @param dropReturnEvents drop events of type {@code return}; default true
 */
public record DropCancellationsOptions(String invoiceAttribute, String cancelPrefix, Boolean dropNegativeQuantity,
        Boolean dropNonPositiveValue, Boolean dropReturnEvents) {
    public DropCancellationsOptions {
        invoiceAttribute = invoiceAttribute == null ? "InvoiceNo" : invoiceAttribute;
        cancelPrefix = cancelPrefix == null ? "C" : cancelPrefix;
        dropNegativeQuantity = dropNegativeQuantity == null || dropNegativeQuantity;
        dropNonPositiveValue = dropNonPositiveValue == null || dropNonPositiveValue;
        dropReturnEvents = dropReturnEvents == null || dropReturnEvents;
        if (invoiceAttribute.isBlank()) {
            throw new ConfigurationException("drop-cancellations option 'invoiceAttribute' is blank; expected an "
                    + "attribute name such as \"InvoiceNo\"");
        }
        if (cancelPrefix.isEmpty()) {
            throw new ConfigurationException("drop-cancellations option 'cancelPrefix' is empty, which would mark "
                    + "every invoice cancelled; expected a prefix such as \"C\"");
        }
    }

    /** Returns the default options, fitted to the UCI Online Retail data. */
    public static DropCancellationsOptions defaults() {
        return new DropCancellationsOptions(null, null, null, null, null);
    }
}
