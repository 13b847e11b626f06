package io.deeppersona.server;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.error.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How {@link DeepPersonaServer} listens and what it accepts. Build with {@link #builder()}; derive with
 * {@link #toBuilder()}.
 *
 * <pre>{@code
 * ServerOptions options = ServerOptions.builder()
 *         .token(ServerOptions.readToken(Path.of("/etc/deeppersona/token")))
 *         .port(8080)
 *         .build();
 * }</pre>
 *
 * @param host address to bind; loopback ({@code 127.0.0.1}) unless the host says otherwise
 * @param port TCP port; 0 picks a free one (see {@link DeepPersonaServer#port()})
 * @param token the bearer token every request but {@code /health} must carry; never printed by {@link #toString()}
 * @param maxBodyBytes largest request body accepted; larger ones get 413
 * @param maxEventsPerRequest largest batch {@code POST /v1/events} accepts; larger ones get 413
 * @param maxCustomerIdLength longest customer id accepted in a path or an event
 * @param maxK largest {@code k} a recommendation request may ask for
 * @param maxThreads request threads of the HTTP server
 * @param stopTimeout how long {@link DeepPersonaServer#close()} lets requests in flight finish
 */
public record ServerOptions(String host, int port, String token, long maxBodyBytes, int maxEventsPerRequest,
        int maxCustomerIdLength, int maxK, int maxThreads, Duration stopTimeout) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_EVENTS_PER_REQUEST = 10_000;
    public static final int DEFAULT_MAX_CUSTOMER_ID_LENGTH = 128;
    public static final int DEFAULT_MAX_K = 1000;
    public static final int DEFAULT_MAX_THREADS = 64;
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(5);
    /** Shortest token accepted: 16 characters of a random hex string is 64 bits. */
    public static final int MIN_TOKEN_LENGTH = 16;

    private static final Logger LOG = LoggerFactory.getLogger(ServerOptions.class);

    public ServerOptions {
        requireNonNull(host, "host is null");
        if (host.isBlank()) {
            throw new ConfigurationException("server host is blank; use " + DEFAULT_HOST + " for loopback only");
        }
        if (port < 0 || port > 65_535) {
            throw new ConfigurationException("server port must be in [0, 65535] (0 = any free port), got " + port);
        }
        requireNonNull(token, "token is null");
        if (token.length() < MIN_TOKEN_LENGTH || token.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new ConfigurationException("bearer token must be at least " + MIN_TOKEN_LENGTH
                    + " characters without spaces or control characters (got " + token.length()
                    + " characters); generate one with e.g. 'openssl rand -hex 32'");
        }
        requirePositive("maxBodyBytes", maxBodyBytes);
        requirePositive("maxEventsPerRequest", maxEventsPerRequest);
        requirePositive("maxCustomerIdLength", maxCustomerIdLength);
        requirePositive("maxK", maxK);
        if (maxThreads < 4) {
            throw new ConfigurationException("server maxThreads must be >= 4 (Jetty needs some for itself), got "
                    + maxThreads);
        }
        requireNonNull(stopTimeout, "stopTimeout is null");
        if (stopTimeout.isNegative()) {
            throw new ConfigurationException("server stopTimeout must not be negative, got " + stopTimeout);
        }
    }

    /** Returns a builder with the defaults; a token must still be set. Single-threaded, single-use. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding these options. */
    public Builder toBuilder() {
        return new Builder().host(host).port(port).token(token).maxBodyBytes(maxBodyBytes)
                .maxEventsPerRequest(maxEventsPerRequest).maxCustomerIdLength(maxCustomerIdLength).maxK(maxK)
                .maxThreads(maxThreads).stopTimeout(stopTimeout);
    }

    /**
     * Reads a bearer token from a file holding it on one line (a trailing newline is fine).
     *
     * @throws ConfigurationException if the file is missing, unreadable, empty or holds more than one line
     */
    public static String readToken(Path file) {
        requireNonNull(file, "file is null");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException("token file " + file + " does not exist; write a random token into it,"
                    + " e.g. 'openssl rand -hex 32 > " + file + "'", e);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read token file " + file + ": " + e.getMessage(), e);
        }
        String token = text.strip();
        if (token.isEmpty()) {
            throw new ConfigurationException("token file " + file + " is empty; expected one line with the token");
        }
        if (token.lines().count() > 1) {
            throw new ConfigurationException("token file " + file + " has more than one line; expected only the token");
        }
        warnIfReadableByOthers(file);
        return token;
    }

    private static void warnIfReadableByOthers(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.OTHERS_READ)
                    || permissions.contains(PosixFilePermission.GROUP_READ)) {
                LOG.warn("Token file {} is readable by other users; consider 'chmod 600 {}'", file, file);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Not a POSIX file system (or no access to attributes): nothing to warn about.
        }
    }

    /** Whether the server only accepts connections from this machine. */
    public boolean loopbackOnly() {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }

    @Override
    public String toString() {
        // The token must never reach a log line, so the record's generated toString is replaced.
        return "ServerOptions[host=" + host + ", port=" + port + ", token=***, maxBodyBytes=" + maxBodyBytes
                + ", maxEventsPerRequest=" + maxEventsPerRequest + ", maxCustomerIdLength=" + maxCustomerIdLength
                + ", maxK=" + maxK + ", maxThreads=" + maxThreads + ", stopTimeout=" + stopTimeout + "]";
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new ConfigurationException("server " + name + " must be > 0, got " + value);
        }
    }

    /** Collects options; {@link #build()} validates them. Single-threaded and single-use. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private String token;
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int maxEventsPerRequest = DEFAULT_MAX_EVENTS_PER_REQUEST;
        private int maxCustomerIdLength = DEFAULT_MAX_CUSTOMER_ID_LENGTH;
        private int maxK = DEFAULT_MAX_K;
        private int maxThreads = DEFAULT_MAX_THREADS;
        private Duration stopTimeout = DEFAULT_STOP_TIMEOUT;
        private boolean built;

        private Builder() {
        }

        public Builder host(String host) {
            this.host = requireNonNull(host, "host is null");
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder token(String token) {
            this.token = requireNonNull(token, "token is null");
            return this;
        }

        /** Reads the token with {@link ServerOptions#readToken(Path)}. */
        public Builder tokenFile(Path file) {
            return token(readToken(file));
        }

        public Builder maxBodyBytes(long maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        public Builder maxEventsPerRequest(int maxEventsPerRequest) {
            this.maxEventsPerRequest = maxEventsPerRequest;
            return this;
        }

        public Builder maxCustomerIdLength(int maxCustomerIdLength) {
            this.maxCustomerIdLength = maxCustomerIdLength;
            return this;
        }

        public Builder maxK(int maxK) {
            this.maxK = maxK;
            return this;
        }

        public Builder maxThreads(int maxThreads) {
            this.maxThreads = maxThreads;
            return this;
        }

        public Builder stopTimeout(Duration stopTimeout) {
            this.stopTimeout = requireNonNull(stopTimeout, "stopTimeout is null");
            return this;
        }

        /**
         * Returns the options.
         *
         * @throws ConfigurationException if no token was set or a value is out of range
         * @throws IllegalStateException if called twice
         */
        public ServerOptions build() {
            if (built) {
                throw new IllegalStateException("ServerOptions.Builder is single-use; start from toBuilder()");
            }
            if (token == null) {
                throw new ConfigurationException("server token is required; set token(...) or tokenFile(...)");
            }
            built = true;
            return new ServerOptions(host, port, token, maxBodyBytes, maxEventsPerRequest, maxCustomerIdLength,
                    maxK, maxThreads, stopTimeout);
        }
    }
}
