package io.deeppersona.core.artifact;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.artifact.ArtifactReader;
import io.deeppersona.api.error.ArtifactException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * An {@link ArtifactReader} over the files under one folder. Paths are relative with {@code /} separators;
 * absolute paths, backslashes, {@code ..}, symbolic links and anything resolving outside the folder are refused.
 * Thread-safe: it holds no state besides the folder.
 */
public final class DirectoryArtifactReader implements ArtifactReader {
    private final Path root;

    /** Reads the files under {@code root}. */
    public DirectoryArtifactReader(Path root) {
        this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
    }

    /** Returns the folder read from. */
    public Path root() {
        return root;
    }

    @Override
    public Set<String> paths() {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            Set<String> paths = new TreeSet<>();
            files.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                    .forEach(file -> paths.add(ArtifactPaths.relativize(root, file)));
            return java.util.Collections.unmodifiableSet(paths);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list artifact folder " + root, e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws ArtifactException if the path is unsafe, is a symbolic link, or names no file
     */
    @Override
    public InputStream open(String path) throws IOException {
        Path file = ArtifactPaths.resolve(root, path);
        if (Files.isSymbolicLink(file)) {
            throw new ArtifactException("Artifact file '" + path + "' is a symbolic link; artifacts hold plain files");
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ArtifactException("Artifact file '" + path + "' does not exist in " + root);
        }
        if (!file.getParent().toRealPath().startsWith(root.toRealPath())) {
            throw new ArtifactException("Artifact path '" + path + "' leads through a symbolic link out of " + root);
        }
        return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
    }
}
