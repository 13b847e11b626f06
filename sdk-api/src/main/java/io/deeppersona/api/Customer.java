package io.deeppersona.api;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A customer as the host's CRM knows them.
 *
 * @param customerId stable id, the same as in {@link CustomerEvent#customerId()}
 * @param attributes further named values (segment, country); personal columns are dropped by the
 *     {@code drop-personal-columns} preprocessor before anything is stored
 * @param consent consent per purpose, e.g. {@code {"personalisation": true, "marketing": false}}; a purpose that
 *     is absent counts as not given
 * @since 0.1
 */
public record Customer(String customerId, Map<String, String> attributes, Map<String, Boolean> consent) {
    /** Consent to have one's behaviour used for recommendations and profiles. */
    public static final String PERSONALISATION = "personalisation";
    /** Consent to be targeted by campaigns and ads. */
    public static final String MARKETING = "marketing";

    public Customer {
        requireNonNull(customerId, "customerId is null");
        if (customerId.isBlank()) {
            throw new IllegalArgumentException("customerId is blank");
        }
        attributes = Map.copyOf(requireNonNull(attributes, "attributes is null"));
        consent = Map.copyOf(requireNonNull(consent, "consent is null"));
    }

    /** Returns whether this customer gave consent for {@code purpose}; absent means no. */
    public boolean consents(String purpose) {
        return Boolean.TRUE.equals(consent.get(purpose));
    }
}
