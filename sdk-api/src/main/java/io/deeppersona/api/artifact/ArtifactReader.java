package io.deeppersona.api.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Reads a provider's model payload. Files have been checked against the manifest's sizes and hashes before a
 * provider sees them.
 *
 * @since 0.1
 */
public interface ArtifactReader {
    /** Returns the relative paths of the payload's files. */
    Set<String> paths();

    /**
     * Opens a file for reading; the caller closes the stream.
     *
     * @throws io.deeppersona.api.error.ArtifactException if there is no such file
     */
    InputStream open(String path) throws IOException;

    /** Reads a whole file. */
    default byte[] readAllBytes(String path) {
        try (InputStream in = open(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read artifact file '" + path + "'", e);
        }
    }
}
