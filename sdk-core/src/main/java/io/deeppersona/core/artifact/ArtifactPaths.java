package io.deeppersona.core.artifact;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.error.ArtifactException;
import java.nio.file.Path;

/**
 * Checks the relative paths that name files inside an artifact (payload paths, manifest keys, zip entries), so
 * that no name taken from a provider, a manifest or an archive can reach outside the artifact's folder.
 */
final class ArtifactPaths {
    private ArtifactPaths() {
    }

    /**
     * Resolves {@code relative} under {@code root}.
     *
     * @throws ArtifactException if the path is blank, absolute, uses backslashes, has {@code .}, {@code ..} or
     *     empty segments, or would resolve outside {@code root}
     */
    static Path resolve(Path root, String relative) {
        requireNonNull(root, "root is null");
        check(relative);
        Path base = root.toAbsolutePath().normalize();
        Path resolved = base.resolve(relative).normalize();
        // Belt and braces: the segment checks above already exclude this, but the file system has the last word.
        if (!resolved.startsWith(base) || resolved.equals(base)) {
            throw new ArtifactException("Artifact path '" + relative + "' resolves outside its folder " + base
                    + "; use a relative path inside the artifact");
        }
        return resolved;
    }

    /** Validates the shape of a relative artifact path without touching the file system. */
    static void check(String relative) {
        if (relative == null || relative.isEmpty()) {
            throw new ArtifactException("Artifact path is empty; expected a relative path such as 'weights.bin'");
        }
        if (relative.indexOf('\\') >= 0) {
            throw new ArtifactException("Artifact path '" + relative + "' contains a backslash; use '/' separators");
        }
        if (relative.indexOf('\0') >= 0) {
            throw new ArtifactException("Artifact path '" + relative.replace('\0', '?') + "' contains a NUL character");
        }
        if (relative.startsWith("/") || (relative.length() > 1 && relative.charAt(1) == ':')) {
            throw new ArtifactException("Artifact path '" + relative + "' is absolute; expected a relative path");
        }
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new ArtifactException("Artifact path '" + relative
                        + "' has an empty, '.' or '..' segment; expected a plain relative path inside the artifact");
            }
        }
    }

    /** Returns {@code file}'s path relative to {@code root} with {@code /} separators. */
    static String relativize(Path root, Path file) {
        Path relative = root.relativize(file);
        StringBuilder name = new StringBuilder();
        for (Path segment : relative) {
            if (name.length() > 0) {
                name.append('/');
            }
            name.append(segment);
        }
        return name.toString();
    }
}
