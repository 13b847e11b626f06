package io.deeppersona.server;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * Checks {@code Authorization: Bearer <token>} in constant time. Both sides are hashed first, so that the
 * comparison ({@link MessageDigest#isEqual}) takes the same time whatever the length of the token sent.
 */
final class BearerAuth {
    private static final String REALM = "Bearer realm=\"deeppersona\"";
    private static final String PREFIX = "Bearer ";

    private final byte[] expectedDigest;

    BearerAuth(String token) {
        expectedDigest = sha256(requireNonNull(token, "token is null"));
    }

    /**
     * @throws ApiException 401 with {@code WWW-Authenticate: Bearer} when the header is missing or wrong
     */
    void check(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw unauthorized("missing bearer token; send 'Authorization: Bearer <token>'", REALM);
        }
        if (!authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw unauthorized("Authorization header must use the Bearer scheme: 'Authorization: Bearer <token>'",
                    REALM);
        }
        byte[] given = sha256(authorization.substring(PREFIX.length()).strip());
        if (!MessageDigest.isEqual(expectedDigest, given)) {
            throw unauthorized("invalid bearer token", REALM + ", error=\"invalid_token\"");
        }
    }

    private static ApiException unauthorized(String message, String challenge) {
        return new ApiException(401, ApiError.UNAUTHORIZED, message, Map.of("WWW-Authenticate", challenge));
    }

    private static byte[] sha256(String text) {
        try {
            // A new instance per call: MessageDigest is not thread-safe, and creating one is cheap.
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM, which every Java SE must provide", e);
        }
    }
}
