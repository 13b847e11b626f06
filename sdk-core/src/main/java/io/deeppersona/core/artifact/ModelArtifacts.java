package io.deeppersona.core.artifact;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.deeppersona.api.ModelInfo;
import io.deeppersona.api.artifact.ArtifactManifest;
import io.deeppersona.api.artifact.ArtifactWriter;
import io.deeppersona.api.artifact.FileEntry;
import io.deeppersona.api.artifact.ModelReference;
import io.deeppersona.api.error.ArtifactException;
import io.deeppersona.api.error.IncompatibleArtifactException;
import io.deeppersona.api.error.PersonalizationException;
import io.deeppersona.core.SdkJson;
import io.deeppersona.spi.Model;
import io.deeppersona.spi.ModelProvider;
import io.deeppersona.spi.ProviderContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Saves, verifies and loads versioned model artifacts (STYLE.md section 9): a folder holding {@code model/} (the
 * provider's opaque payload), an optional {@code pipeline.json}, and {@code manifest.json}, which is written last
 * and read first.
 *
 * <pre>{@code
 * ModelArtifacts.save(model, dir, Map.of("dataSource", "csv", "seed", 42), context);
 * Model copy = ModelArtifacts.load(dir, name -> Optional.ofNullable(providers.get(name)), context);
 * }</pre>
 *
 * <p>Loading checks every file's size and SHA-256 against the manifest before the provider sees a byte, and
 * resolves the provider by the name in the manifest, never by a class name. Stateless and thread-safe.
 */
public final class ModelArtifacts {
    /** The newest envelope version this SDK writes and reads. */
    public static final int FORMAT_VERSION = 1;
    public static final String MANIFEST = "manifest.json";
    public static final String PIPELINE = "pipeline.json";
    public static final String MODEL_DIR = "model";

    private static final ObjectWriter WRITER = SdkJson.json().writer()
            .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    // Manifests ignore unknown fields within one formatVersion so that additive fields stay forward-compatible.
    private static final ObjectReader MANIFEST_READER = SdkJson.json().readerFor(ArtifactManifest.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ModelArtifacts() {
    }

    /**
     * Saves {@code model} without a pipeline description.
     *
     * @see #save(Model, Path, Object, Map, ProviderContext)
     */
    public static ArtifactManifest save(Model model, Path dir, Map<String, Object> provenance,
            ProviderContext context) {
        return save(model, dir, null, provenance, context);
    }

    /**
     * Saves {@code model} into {@code dir}: the payload under {@code model/}, {@code pipeline} (when not null) as
     * {@code pipeline.json}, then the manifest with every file's size and SHA-256.
     *
     * @param dir an absent or empty folder
     * @param pipeline a JSON-serialisable description of the pipeline's stages, or null for none
     * @param provenance where the model came from (data source, row count, seed); never secrets
     * @return the manifest written
     * @throws ArtifactException if {@code dir} is not empty or a file cannot be written
     */
    public static ArtifactManifest save(Model model, Path dir, Object pipeline, Map<String, Object> provenance,
            ProviderContext context) {
        return save(model, dir, pipeline, provenance, context, null);
    }

    /**
     * Saves {@code model} like {@link #save(Model, Path, Object, Map, ProviderContext)}, and lets {@code extras}
     * write further files (e.g. a serving bundle) into {@code dir} before the manifest, which lists and hashes them
     * like the payload. Extras must stay in their own sub-folder: the root names {@value #MANIFEST},
     * {@value #PIPELINE} and {@value #MODEL_DIR} are refused.
     *
     * @param extras writes the extra files relative to {@code dir}, or null for none
     * @since 0.2
     */
    public static ArtifactManifest save(Model model, Path dir, Object pipeline, Map<String, Object> provenance,
            ProviderContext context, Consumer<ArtifactWriter> extras) {
        requireNonNull(model, "model is null");
        requireNonNull(dir, "dir is null");
        requireNonNull(provenance, "provenance is null");
        requireNonNull(context, "context is null");
        try {
            prepareEmpty(dir);
        } catch (IOException e) {
            throw new ArtifactException("Cannot save model artifact to " + dir + ": " + e.getMessage(), e);
        }
        try {
            Path payload = dir.resolve(MODEL_DIR);
            Files.createDirectories(payload);
            model.save(new DirectoryArtifactWriter(payload));
            if (pipeline != null) {
                WRITER.writeValue(dir.resolve(PIPELINE).toFile(), pipeline);
            }
            if (extras != null) {
                extras.accept(new ExtrasWriter(new DirectoryArtifactWriter(dir)));
            }
            ModelInfo info = model.info();
            ArtifactManifest manifest = new ArtifactManifest(FORMAT_VERSION, context.sdkVersion(),
                    context.clock().instant(), new ModelReference(info.provider(), info.payloadVersion()),
                    digestAll(dir), provenance, info.hyperparameters(), info.validationScores());
            writeManifest(dir, manifest);
            return manifest;
        } catch (IOException | RuntimeException e) {
            // The folder was empty before, so clearing it removes only this failed attempt's half-written files.
            try {
                ArtifactArchive.deleteContents(dir);
            } catch (UncheckedIOException cleanup) {
                e.addSuppressed(cleanup);
            }
            if (e instanceof RuntimeException unchecked && !(e instanceof UncheckedIOException)) {
                throw unchecked;
            }
            throw new ArtifactException("Cannot save model artifact to " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads the model in {@code dir} after {@link #verify verifying} it.
     *
     * @param providers looks a model provider up by its name, e.g. {@code registry::findModel}
     * @throws IncompatibleArtifactException if the format or payload version is newer than supported, or no
     *     provider has the manifest's name
     * @throws ArtifactException if the artifact is incomplete, modified or unreadable
     */
    public static Model load(Path dir, Function<String, Optional<ModelProvider>> providers,
            ProviderContext context) {
        requireNonNull(providers, "providers is null");
        requireNonNull(context, "context is null");
        ArtifactManifest manifest = verify(dir);
        ModelReference reference = manifest.model();
        ModelProvider provider = providers.apply(reference.provider())
                .orElseThrow(() -> new IncompatibleArtifactException("No ModelProvider named '"
                        + reference.provider() + "' is registered, but artifact " + dir
                        + " needs it; add the module that provides it to the class path"));
        if (reference.payloadVersion() > provider.payloadVersion()) {
            throw new IncompatibleArtifactException("Artifact " + dir + " has payloadVersion "
                    + reference.payloadVersion() + " of model '" + reference.provider()
                    + "', newer than this provider reads (max " + provider.payloadVersion()
                    + "); upgrade the module that provides '" + reference.provider() + "'");
        }
        try {
            return provider.load(new DirectoryArtifactReader(dir.resolve(MODEL_DIR)), reference.payloadVersion(),
                    context);
        } catch (PersonalizationException e) {
            throw e;
        } catch (UncheckedIOException e) {
            throw new ArtifactException("Model provider '" + reference.provider() + "' could not read artifact "
                    + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks the artifact in {@code dir} without loading it: the manifest parses and has a supported
     * formatVersion, every listed file exists as a plain file with the listed size and SHA-256, and {@code model/}
     * holds no unlisted file.
     *
     * @return the manifest
     * @throws IncompatibleArtifactException if the formatVersion is newer than {@link #FORMAT_VERSION}
     * @throws ArtifactException naming the first file that is missing, unlisted, truncated or modified
     */
    public static ArtifactManifest verify(Path dir) {
        requireNonNull(dir, "dir is null");
        ArtifactManifest manifest = readManifest(dir);
        try {
            for (Map.Entry<String, FileEntry> listed : manifest.files().entrySet()) {
                verifyFile(dir, listed.getKey(), listed.getValue());
            }
            // Every sub-folder (the payload, extras such as a serving bundle) holds listed files only.
            for (String present : filesUnder(dir, dir)) {
                if (present.indexOf('/') < 0) {
                    continue;
                }
                if (!manifest.files().containsKey(present)) {
                    throw new ArtifactException("Artifact file '" + present + "' in " + dir
                            + " is not listed in " + MANIFEST + "; the artifact was modified after it was saved");
                }
            }
        } catch (IOException e) {
            throw new ArtifactException("Cannot verify model artifact " + dir + ": " + e.getMessage(), e);
        }
        return manifest;
    }

    /**
     * Reads {@code pipeline.json} of a {@link #verify verified} artifact.
     *
     * @return the pipeline description, or empty when the artifact has none
     * @throws ArtifactException if the artifact fails verification or the file does not bind to {@code type}
     */
    public static <T> Optional<T> readPipeline(Path dir, Class<T> type) {
        requireNonNull(type, "type is null");
        ArtifactManifest manifest = verify(dir);
        if (!manifest.files().containsKey(PIPELINE)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SdkJson.json().readValue(dir.resolve(PIPELINE).toFile(), type));
        } catch (IOException e) {
            throw new ArtifactException("Cannot read " + PIPELINE + " of artifact " + dir + " as "
                    + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads and checks only {@code manifest.json}: it parses and its formatVersion is supported. The files it
     * lists are not checked; use {@link #verify} before trusting them.
     *
     * @throws IncompatibleArtifactException if the formatVersion is newer than {@link #FORMAT_VERSION}
     * @throws ArtifactException if the manifest is missing or malformed
     */
    public static ArtifactManifest readManifest(Path dir) {
        requireNonNull(dir, "dir is null");
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ArtifactException("No " + MANIFEST + " in " + dir
                    + "; expected a model artifact folder written by ModelArtifacts.save");
        }
        JsonNode tree;
        try {
            tree = SdkJson.json().readTree(file.toFile());
        } catch (IOException e) {
            throw new ArtifactException("Cannot parse " + MANIFEST + " in " + dir + ": " + e.getMessage(), e);
        }
        // The version is checked before binding: a newer envelope may not bind to this SDK's manifest record.
        JsonNode version = tree == null ? null : tree.get("formatVersion");
        if (version == null || !version.canConvertToInt()) {
            throw new ArtifactException(MANIFEST + " in " + dir + " has no integer formatVersion, got " + version);
        }
        if (version.intValue() > FORMAT_VERSION) {
            throw new IncompatibleArtifactException("Artifact formatVersion " + version.intValue()
                    + " is newer than this SDK supports (max " + FORMAT_VERSION + "); upgrade sdk-core");
        }
        ArtifactManifest manifest;
        try {
            manifest = MANIFEST_READER.readValue(tree);
        } catch (IOException | IllegalArgumentException e) {
            throw new ArtifactException("Invalid " + MANIFEST + " in " + dir + ": " + e.getMessage(), e);
        }
        if (manifest.files().containsKey(MANIFEST)) {
            throw new ArtifactException(MANIFEST + " in " + dir + " lists itself; it cannot hash its own bytes");
        }
        return manifest;
    }

    private static void verifyFile(Path dir, String name, FileEntry expected) throws IOException {
        Path file = ArtifactPaths.resolve(dir, name);
        if (Files.isSymbolicLink(file)) {
            throw new ArtifactException("Artifact file '" + name + "' in " + dir
                    + " is a symbolic link; artifacts hold plain files");
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ArtifactException("Artifact file '" + name + "' listed in " + MANIFEST + " is missing from "
                    + dir);
        }
        long size = Files.size(file);
        if (size != expected.size()) {
            throw new ArtifactException("Artifact file '" + name + "' in " + dir + " is " + size + " bytes, but "
                    + MANIFEST + " says " + expected.size() + " (truncated or modified)");
        }
        FileEntry actual = FileDigests.of(file);
        if (!actual.sha256().equals(expected.sha256())) {
            throw new ArtifactException("Artifact file '" + name + "' in " + dir + " has SHA-256 " + actual.sha256()
                    + ", but " + MANIFEST + " says " + expected.sha256() + " (corrupt or modified)");
        }
    }

    private static void prepareEmpty(Path dir) throws IOException {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new ArtifactException("Cannot save model artifact to " + dir + ": it is not a folder");
            }
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new ArtifactException("Cannot save model artifact to " + dir
                            + ": the folder is not empty; choose a new folder per artifact");
                }
            }
        }
        Files.createDirectories(dir);
    }

    private static Map<String, FileEntry> digestAll(Path dir) throws IOException {
        Map<String, FileEntry> files = new TreeMap<>();
        for (String name : filesUnder(dir, dir)) {
            if (!name.equals(MANIFEST)) {
                files.put(name, FileDigests.of(dir.resolve(name)));
            }
        }
        return files;
    }

    /** Lists the plain files under {@code start}, relative to {@code dir}; a symbolic link anywhere is refused. */
    private static List<String> filesUnder(Path dir, Path start) throws IOException {
        List<String> names = new ArrayList<>();
        if (!Files.exists(start, LinkOption.NOFOLLOW_LINKS)) {
            return names;
        }
        try (Stream<Path> walk = Files.walk(start)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                if (Files.isSymbolicLink(path)) {
                    throw new ArtifactException("Artifact " + dir + " contains a symbolic link '"
                            + ArtifactPaths.relativize(dir, path) + "'; artifacts hold plain files");
                }
                if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    names.add(ArtifactPaths.relativize(dir, path));
                }
            }
        }
        names.sort(null);
        return names;
    }

    private static void writeManifest(Path dir, ArtifactManifest manifest) throws IOException {
        // Written to a temp file and moved, so a reader never sees half a manifest: no manifest means no artifact.
        Path temp = Files.createTempFile(dir, ".manifest-", ".tmp");
        try {
            WRITER.writeValue(temp.toFile(), manifest);
            Files.move(temp, dir.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Keeps extra files out of the names the envelope owns. */
    private record ExtrasWriter(DirectoryArtifactWriter target) implements ArtifactWriter {
        @Override
        public java.io.OutputStream create(String path) throws IOException {
            requireNonNull(path, "path is null");
            String top = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
            if (top.equals(MANIFEST) || top.equals(PIPELINE) || top.equals(MODEL_DIR) || !path.contains("/")) {
                throw new ArtifactException("Extra artifact file '" + path + "' must be inside its own sub-folder, "
                        + "not at the root and not under " + MODEL_DIR + "/");
            }
            return target.create(path);
        }
    }
}
