package io.deeppersona.core.deploy;

import io.deeppersona.api.error.ArtifactException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Copies and deletes folder trees without ever following a symbolic link. */
final class FileTrees {
    private FileTrees() {
    }

    /** Copies the plain files and folders under {@code source} into the existing folder {@code target}. */
    static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                if (Files.isSymbolicLink(path)) {
                    // A link could smuggle a file from outside the artifact into an immutable version.
                    throw new ArtifactException("Artifact " + source + " contains a symbolic link '"
                            + source.relativize(path) + "'; artifacts hold plain files");
                }
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    /** Deletes {@code dir} and everything under it; absent is fine. */
    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = new ArrayList<>(walk.toList());
        }
        paths.sort(Comparator.reverseOrder());
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }
}
