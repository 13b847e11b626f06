package io.deeppersona.core.artifact;

import io.deeppersona.api.artifact.FileEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Computes the size and SHA-256 that the manifest records for each artifact file. */
final class FileDigests {
    private FileDigests() {
    }

    static FileEntry of(Path file) throws IOException {
        MessageDigest digest = sha256();
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                size += n;
            }
        }
        return new FileEntry(HexFormat.of().formatHex(digest.digest()), size);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE platform must provide SHA-256, so this is a broken JDK rather than bad input.
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }
}
