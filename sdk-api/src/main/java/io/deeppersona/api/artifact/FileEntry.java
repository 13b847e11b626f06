package io.deeppersona.api.artifact;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * The size and SHA-256 of one artifact file, as recorded in the manifest.
 *
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 * @param size length in bytes
 * @since 0.1
 */
public record FileEntry(String sha256, long size) {
    private static final Pattern HEX_256 = Pattern.compile("[0-9a-f]{64}");

    public FileEntry {
        requireNonNull(sha256, "sha256 is null");
        if (!HEX_256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got '" + sha256 + "'");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
    }
}
