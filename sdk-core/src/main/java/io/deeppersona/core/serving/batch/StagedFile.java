package io.deeppersona.core.serving.batch;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.error.DataSourceException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A text file written aside and moved over its target only when complete, so readers (and a CRM import job) see
 * the previous file or the whole new one, never a half-written one. Not thread-safe.
 */
final class StagedFile {
    private final Path target;
    private Path temp;
    private BufferedWriter writer;

    StagedFile(Path target) {
        this.target = requireNonNull(target, "target is null").toAbsolutePath();
    }

    /** Opens the temporary file beside the target (same file system, so the final move is atomic). */
    Writer open() {
        if (writer != null) {
            throw new IllegalStateException("Output " + target + " is open already; a sink is used for one run");
        }
        try {
            Path dir = target.getParent();
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + target.getFileName() + "-", ".tmp");
            writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
            return writer;
        } catch (IOException e) {
            throw failure("open", e);
        }
    }

    /** Flushes, forces to disk and moves the file into place. */
    void commit() {
        if (writer == null) {
            throw new IllegalStateException("Output " + target + " was not opened; call begin(...) first");
        }
        try {
            writer.close();
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (IOException e) {
            throw failure("finish", e);
        }
    }

    /** Deletes the temporary file if it was not committed; the target keeps its previous content. */
    void discard() {
        try {
            if (writer != null) {
                writer.close();
            }
            if (temp != null) {
                Files.deleteIfExists(temp);
                temp = null;
            }
        } catch (IOException e) {
            throw failure("clean up", e);
        }
    }

    DataSourceException failure(String action, IOException e) {
        return new DataSourceException("Cannot " + action + " batch output " + target + ": " + e
                + "; the previous content of the file, if any, is unchanged", e);
    }
}
