package io.deeppersona.core.artifact;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.error.ArtifactException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Packs a model artifact folder into one zip file and unpacks it again. Unpacking refuses entries that are
 * absolute, contain {@code ..} or backslashes, or would land outside the target folder (zip-slip), duplicate
 * entries, and archives whose content exceeds a size limit (zip bombs). Symbolic links are never packed and never
 * created: an entry always becomes a plain file or folder. Stateless and thread-safe.
 */
public final class ArtifactArchive {
    /** The default limit on the total unpacked size: 4 GiB. */
    public static final long DEFAULT_MAX_UNPACKED_BYTES = 4L * 1024 * 1024 * 1024;
    /** The default limit on the number of entries. */
    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    // A fixed entry time makes the zip of one artifact byte-identical however often it is packed.
    private static final long ENTRY_TIME = 315_532_800_000L + 12L * 60 * 60 * 1000; // 1980-01-01T12:00:00Z

    private ArtifactArchive() {
    }

    /**
     * Verifies the artifact in {@code dir} and writes it to {@code zipFile}, replacing it atomically.
     *
     * @throws ArtifactException if the artifact fails {@link ModelArtifacts#verify} or cannot be written
     */
    public static void pack(Path dir, Path zipFile) {
        requireNonNull(dir, "dir is null");
        requireNonNull(zipFile, "zipFile is null");
        ModelArtifacts.verify(dir);
        Path absolute = zipFile.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            Path temp = Files.createTempFile(absolute.getParent(), ".pack-", ".tmp");
            try {
                try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(temp))) {
                    for (Path file : sortedFiles(dir)) {
                        ZipEntry entry = new ZipEntry(ArtifactPaths.relativize(dir, file));
                        entry.setTime(ENTRY_TIME);
                        zip.putNextEntry(entry);
                        Files.copy(file, zip);
                        zip.closeEntry();
                    }
                }
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new ArtifactException("Cannot pack artifact " + dir + " into " + zipFile + ": " + e.getMessage(), e);
        }
    }

    /** Unpacks with the default limits. */
    public static void unpack(Path zipFile, Path targetDir) {
        unpack(zipFile, targetDir, DEFAULT_MAX_UNPACKED_BYTES);
    }

    /**
     * Unpacks {@code zipFile} into {@code targetDir}, which must be absent or empty. It does not verify the
     * artifact; call {@link ModelArtifacts#verify} on {@code targetDir} afterwards. On failure, whatever was
     * unpacked is deleted again.
     *
     * @param maxUnpackedBytes the most bytes the entries may hold together, counted while inflating
     * @throws ArtifactException naming the offending entry: unsafe name, duplicate, or over the limit
     */
    public static void unpack(Path zipFile, Path targetDir, long maxUnpackedBytes) {
        requireNonNull(zipFile, "zipFile is null");
        requireNonNull(targetDir, "targetDir is null");
        if (maxUnpackedBytes < 0) {
            throw new IllegalArgumentException("maxUnpackedBytes must be >= 0, got " + maxUnpackedBytes);
        }
        Path target = targetDir.toAbsolutePath().normalize();
        try {
            requireEmpty(target);
            Files.createDirectories(target);
        } catch (IOException e) {
            throw new ArtifactException("Cannot unpack " + zipFile + " into " + targetDir + ": " + e.getMessage(), e);
        }
        try {
            extract(zipFile, target, maxUnpackedBytes);
        } catch (RuntimeException | IOException e) {
            try {
                deleteContents(target);
            } catch (java.io.UncheckedIOException cleanup) {
                e.addSuppressed(cleanup);
            }
            if (e instanceof ArtifactException artifact) {
                throw artifact;
            }
            throw new ArtifactException("Cannot unpack " + zipFile + " into " + targetDir + ": " + e.getMessage(), e);
        }
    }

    private static void extract(Path zipFile, Path target, long maxUnpackedBytes) throws IOException {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(zipFile))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > DEFAULT_MAX_ENTRIES) {
                    throw new ArtifactException("Archive " + zipFile + " has more than " + DEFAULT_MAX_ENTRIES
                            + " entries; a model artifact has a handful");
                }
                String name = entry.getName();
                boolean directory = name.endsWith("/");
                String relative = directory ? name.substring(0, name.length() - 1) : name;
                Path path = resolveEntry(zipFile, target, relative);
                if (directory) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                    // Declared sizes in a zip can lie, so the limit is applied to the bytes actually inflated.
                    for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
                        total += n;
                        if (total > maxUnpackedBytes) {
                            throw new ArtifactException("Archive " + zipFile + " unpacks to more than "
                                    + maxUnpackedBytes + " bytes (at entry '" + name
                                    + "'); raise the limit if the artifact is really this large");
                        }
                        out.write(buffer, 0, n);
                    }
                } catch (FileAlreadyExistsException e) {
                    throw new ArtifactException("Archive " + zipFile + " has entry '" + name
                            + "' twice; an artifact archive has each file once", e);
                }
            }
        }
    }

    private static Path resolveEntry(Path zipFile, Path target, String name) {
        try {
            return ArtifactPaths.resolve(target, name);
        } catch (ArtifactException e) {
            throw new ArtifactException("Archive " + zipFile + " has unsafe entry '" + name
                    + "' that would land outside " + target + " (absolute, '..' or backslash); refusing to unpack",
                    e);
        }
    }

    private static void requireEmpty(Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new ArtifactException("Cannot unpack into " + target + ": it is not a folder");
        }
        try (Stream<Path> entries = Files.list(target)) {
            if (entries.findAny().isPresent()) {
                throw new ArtifactException("Cannot unpack into " + target + ": the folder is not empty");
            }
        }
    }

    private static List<Path> sortedFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
                        && !path.getFileName().toString().startsWith(".manifest-")) {
                    files.add(path);
                }
            }
        }
        files.sort(Comparator.comparing(path -> ArtifactPaths.relativize(dir, path)));
        return files;
    }

    /** Deletes everything under {@code dir} (not following links), keeping {@code dir} itself. */
    static void deleteContents(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> paths = new ArrayList<>(walk.toList());
            paths.sort(Comparator.reverseOrder());
            for (Path path : paths) {
                if (!path.equals(dir)) {
                    Files.deleteIfExists(path);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot clean up " + dir, e);
        }
    }
}
