package io.deeppersona.core.propensity;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.deeppersona.api.artifact.ArtifactReader;
import io.deeppersona.api.artifact.ArtifactWriter;
import io.deeppersona.api.error.ArtifactException;
import io.deeppersona.core.SdkJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON payloads of the propensity models: one record per file, written by the SDK's own mapper. Public because
 * the DL4J propensity models store their vocabularies and scales the same way next to {@code network.zip}.
 */
public final class PropensityPayload {
    private PropensityPayload() {
    }

    /** Writes {@code state} as JSON to {@code path}. */
    public static void write(ArtifactWriter writer, String path, Object state) {
        try {
            writer.write(path, SdkJson.json().writeValueAsBytes(state));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write model payload '" + path + "'", e);
        }
    }

    /**
     * Returns {@code values} as they read back from JSON (a long seed becomes an int, and so on), so that a model's
     * info is equal before saving and after loading.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> normalised(Map<String, Object> values) {
        try {
            return Map.copyOf(SdkJson.json().readValue(SdkJson.json().writeValueAsBytes(values), Map.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot normalise " + values.keySet(), e);
        }
    }

    /**
     * Reads {@code path} as a {@code type}.
     *
     * @throws ArtifactException if the file is missing, truncated or not a valid {@code type}
     */
    public static <T> T read(ArtifactReader reader, String provider, String path, Class<T> type) {
        if (!reader.paths().contains(path)) {
            throw new ArtifactException("Model payload of provider '" + provider + "' has no file '" + path
                    + "'; found " + reader.paths());
        }
        try {
            return SdkJson.json().readValue(reader.readAllBytes(path), type);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new ArtifactException("Model payload of provider '" + provider + "' is corrupt: '" + path
                    + "' is not a valid " + type.getSimpleName() + " (" + e.getMessage() + ")", e);
        }
    }
}
