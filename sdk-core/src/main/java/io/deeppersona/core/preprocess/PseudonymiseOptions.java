package io.deeppersona.core.preprocess;

import io.deeppersona.api.error.ConfigurationException;

/**
 * Options of {@code pseudonymise}. The key itself is never an option: it is a secret the host supplies.
 *
 * @param keySecret name of the secret holding the HMAC key; default {@value #DEFAULT_KEY_SECRET}
 */
public record PseudonymiseOptions(String keySecret) {
    /** The default secret name. */
    public static final String DEFAULT_KEY_SECRET = "pseudonymisation-key";

    public PseudonymiseOptions {
        keySecret = keySecret == null ? DEFAULT_KEY_SECRET : keySecret;
        if (keySecret.isBlank()) {
            throw new ConfigurationException("pseudonymise option 'keySecret' is blank; expected a secret name such "
                    + "as \"" + DEFAULT_KEY_SECRET + "\"");
        }
    }
}
