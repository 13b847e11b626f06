package io.deeppersona.core.preprocess;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.EventLog;
import io.deeppersona.spi.FittedPreprocessor;
import io.deeppersona.spi.PreprocessResult;
import io.deeppersona.spi.Preprocessor;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces each customer id by the lower-case hex HMAC-SHA256 of its UTF-8 bytes under a secret key, so the same
 * customer gets the same pseudonym in every run with the same key, and ids cannot be recovered without it. Drops
 * nothing; events without a customer stay without one.
 *
 * <p>The key is held only in memory: it is in no option, not in {@link #toString()}, and not in any artifact.
 * Stateless; immutable and thread-safe (each {@code apply} uses its own {@link Mac}).
 */
public final class Pseudonymise implements Preprocessor, FittedPreprocessor {
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /** Makes the step with {@code key}, which is copied. */
    public Pseudonymise(byte[] key) {
        requireNonNull(key, "key is null");
        if (key.length == 0) {
            throw new IllegalArgumentException("pseudonymisation key is empty");
        }
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    @Override
    public String name() {
        return PseudonymiseProvider.NAME;
    }

    @Override
    public FittedPreprocessor fit(EventLog training) {
        return this;
    }

    @Override
    public PreprocessResult apply(EventLog events) {
        Mac mac = newMac();
        HexFormat hex = HexFormat.of();
        return PreprocessResult.unchanged(events.mapCustomerIds(
                id -> hex.formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)))));
    }

    /** Returns the pseudonym of one customer id, e.g. to look up a customer after pseudonymisation. */
    public String pseudonym(String customerId) {
        requireNonNull(customerId, "customerId is null");
        return HexFormat.of().formatHex(newMac().doFinal(customerId.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // Every Java SE runtime must provide HmacSHA256, and any non-empty key is valid for it.
            throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "Pseudonymise[HmacSHA256, key=***]";
    }
}
