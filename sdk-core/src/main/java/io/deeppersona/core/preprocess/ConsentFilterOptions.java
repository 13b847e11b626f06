package io.deeppersona.core.preprocess;

import io.deeppersona.api.Customer;
import io.deeppersona.api.error.ConfigurationException;

/**
 * Options of {@code consent-filter}.
 *
 * @param path the consent file, CSV with header {@code customer_id,purpose,granted}; required
 * @param purpose the purpose whose consent is needed; default {@value Customer#PERSONALISATION}
 * @param requireExplicitConsent when true, customers absent from the file are dropped too; default false (kept)
 */
public record ConsentFilterOptions(String path, String purpose, Boolean requireExplicitConsent) {
    public ConsentFilterOptions {
        if (path == null || path.isBlank()) {
            throw new ConfigurationException("consent-filter needs option 'path', a CSV file with header "
                    + "customer_id,purpose,granted; got " + (path == null ? "none" : "'" + path + "'"));
        }
        purpose = purpose == null ? Customer.PERSONALISATION : purpose;
        requireExplicitConsent = requireExplicitConsent != null && requireExplicitConsent;
        if (purpose.isBlank()) {
            throw new ConfigurationException("consent-filter option 'purpose' is blank; expected e.g. \""
                    + Customer.PERSONALISATION + "\"");
        }
    }
}
