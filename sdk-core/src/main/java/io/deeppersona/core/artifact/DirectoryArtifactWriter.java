package io.deeppersona.core.artifact;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.artifact.ArtifactWriter;
import io.deeppersona.api.error.ArtifactException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An {@link ArtifactWriter} that creates files under one folder. Paths are relative with {@code /} separators;
 * absolute paths, backslashes, {@code ..} and anything resolving outside the folder are refused, and an existing
 * file is never overwritten. Not thread-safe; one provider writes its payload at a time.
 */
public final class DirectoryArtifactWriter implements ArtifactWriter {
    private final Path root;

    /** Writes under {@code root}, which is created on the first write if absent. */
    public DirectoryArtifactWriter(Path root) {
        this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
    }

    /** Returns the folder written to. */
    public Path root() {
        return root;
    }

    /**
     * {@inheritDoc}
     *
     * @throws ArtifactException if the path is unsafe or the file already exists
     */
    @Override
    public OutputStream create(String path) throws IOException {
        Path target = ArtifactPaths.resolve(root, path);
        Files.createDirectories(target.getParent());
        // A symlinked sub-folder would let a payload land outside the artifact despite a clean-looking path.
        Path realRoot = root.toRealPath();
        if (!target.getParent().toRealPath().startsWith(realRoot)) {
            throw new ArtifactException("Artifact path '" + path + "' leads through a symbolic link out of " + root);
        }
        try {
            return Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (FileAlreadyExistsException e) {
            throw new ArtifactException("Artifact file '" + path + "' already exists in " + root
                    + "; each payload file may be written once", e);
        }
    }
}
