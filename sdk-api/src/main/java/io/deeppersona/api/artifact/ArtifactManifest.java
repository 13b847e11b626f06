package io.deeppersona.api.artifact;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code manifest.json} of a model artifact: written last, read first.
 *
 * @param formatVersion version of the envelope, owned by the SDK core
 * @param sdkVersion the SDK version that wrote it
 * @param createdAt when it was written
 * @param model the provider and payload version
 * @param files every other file of the artifact, by relative path, with its hash and size
 * @param provenance where the model came from: data source, row count, seed, Java version; never secrets
 * @param hyperparameters the options the model was trained with (secrets masked)
 * @param validationScores metric name to value on the validation split
 * @since 0.1
 */
public record ArtifactManifest(
        int formatVersion,
        String sdkVersion,
        Instant createdAt,
        ModelReference model,
        Map<String, FileEntry> files,
        Map<String, Object> provenance,
        Map<String, Object> hyperparameters,
        Map<String, Double> validationScores) {

    public ArtifactManifest {
        if (formatVersion < 1) {
            throw new IllegalArgumentException("formatVersion must be >= 1, got " + formatVersion);
        }
        requireNonNull(sdkVersion, "sdkVersion is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(model, "model is null");
        // Sorted maps make manifests byte-identical for identical content.
        files = java.util.Collections.unmodifiableMap(new TreeMap<>(requireNonNull(files, "files is null")));
        provenance = java.util.Collections.unmodifiableMap(new TreeMap<>(requireNonNull(provenance, "provenance is null")));
        hyperparameters = java.util.Collections.unmodifiableMap(
                new TreeMap<>(requireNonNull(hyperparameters, "hyperparameters is null")));
        validationScores = java.util.Collections.unmodifiableMap(
                new TreeMap<>(requireNonNull(validationScores, "validationScores is null")));
    }
}
