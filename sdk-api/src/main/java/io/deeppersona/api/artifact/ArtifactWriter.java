package io.deeppersona.api.artifact;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Where a provider writes its model payload. Paths are relative, use {@code /}, and stay inside the payload
 * folder; the SDK hashes every file and records it in the manifest.
 *
 * @since 0.1
 */
public interface ArtifactWriter {
    /**
     * Opens a new file for writing; the caller closes the stream.
     *
     * @param path relative path such as {@code "network.zip"} or {@code "weights/item.bin"}
     * @throws io.deeppersona.api.error.ArtifactException if the path is absolute, escapes the folder, or exists
     */
    OutputStream create(String path) throws IOException;

    /** Writes a whole file at once. */
    default void write(String path, byte[] content) {
        try (OutputStream out = create(path)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write artifact file '" + path + "'", e);
        }
    }
}
