package io.deeppersona.core.preprocess;

import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.spi.Preprocessor;
import io.deeppersona.spi.PreprocessorProvider;
import io.deeppersona.spi.ProviderContext;
import java.util.Map;

/**
 * Makes {@link Pseudonymise} steps; options are {@link PseudonymiseOptions}, the key comes from
 * {@link ProviderContext#secret(String)}.
 */
public final class PseudonymiseProvider implements PreprocessorProvider {
    public static final String NAME = "pseudonymise";

    public PseudonymiseProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /** @throws ConfigurationException when the host supplied no (or an empty) secret under the key's name */
    @Override
    public Preprocessor create(Map<String, Object> options, ProviderContext context) {
        PseudonymiseOptions bound = context.bindOptions(options, PseudonymiseOptions.class);
        byte[] key = context.secret(bound.keySecret()).filter(k -> k.length > 0).orElseThrow(() ->
                new ConfigurationException("pseudonymise needs an HMAC key in secret '" + bound.keySecret()
                        + "', and none (or an empty one) was supplied. Supply it with the pipeline builder's "
                        + ".secret(\"" + bound.keySecret() + "\", keyBytes) or, from the CLI, the environment "
                        + "variable DEEPPERSONA_PSEUDONYMISATION_KEY; use at least 32 random bytes and keep them "
                        + "stable, or pseudonyms change between runs"));
        return new Pseudonymise(key);
    }
}
