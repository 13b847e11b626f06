package io.deeppersona.dl4j.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import io.deeppersona.api.artifact.ArtifactReader;
import io.deeppersona.api.artifact.ArtifactWriter;
import io.deeppersona.api.error.ArtifactException;
import io.deeppersona.core.SdkJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

/**
 * The {@code caser-cnn} payload: {@value #NETWORK} (DL4J ModelSerializer, no updater state) and {@value #STATE}
 * (options, vocabularies, popularity and validation scores as JSON).
 */
public final class CaserPayload {
    public static final String NETWORK = "network.zip";
    public static final String STATE = "caser.json";

    private CaserPayload() {
    }

    /** What {@value #STATE} holds. */
    public record State(Map<String, Object> options, List<String> itemIds, List<String> customerIds,
            int[] popularity, Map<String, Double> validationScores) {
    }

    /** A loaded payload. */
    public record Loaded(State state, ComputationGraph network) {
        public CaserVocabulary vocabulary() {
            return new CaserVocabulary(state.itemIds(), state.customerIds(), state.popularity());
        }
    }

    public static void write(ArtifactWriter writer, ComputationGraph network, Map<String, Object> options,
            CaserVocabulary vocabulary, Map<String, Double> validationScores) {
        State state = new State(options, vocabulary.itemIds(), vocabulary.customerIds(), vocabulary.popularity(),
                validationScores);
        try {
            writer.write(STATE, SdkJson.json().writeValueAsBytes(state));
            try (OutputStream out = writer.create(NETWORK)) {
                ModelSerializer.writeModel(network, out, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write caser-cnn payload", e);
        }
    }

    public static Loaded read(ArtifactReader reader) {
        for (String file : List.of(STATE, NETWORK)) {
            if (!reader.paths().contains(file)) {
                throw new ArtifactException("Model payload of provider 'caser-cnn' has no file '" + file
                        + "'; found " + reader.paths());
            }
        }
        State state;
        try {
            state = SdkJson.json().readValue(reader.readAllBytes(STATE), new TypeReference<State>() { });
        } catch (IOException | RuntimeException e) {
            throw new ArtifactException("Model payload of provider 'caser-cnn' has an unreadable '" + STATE + "': "
                    + e.getMessage(), e);
        }
        if (state.itemIds() == null || state.customerIds() == null || state.popularity() == null
                || state.options() == null || state.popularity().length != state.itemIds().size()) {
            throw new ArtifactException("Model payload of provider 'caser-cnn' has an incomplete '" + STATE
                    + "': options, itemIds, customerIds and popularity (one per item) are required");
        }
        ComputationGraph network;
        try (InputStream in = reader.open(NETWORK)) {
            network = ModelSerializer.restoreComputationGraph(in, false);
        } catch (IOException | RuntimeException e) {
            throw new ArtifactException("Model payload of provider 'caser-cnn' has an unreadable '" + NETWORK
                    + "' (truncated or not a DL4J model): " + e.getMessage(), e);
        }
        return new Loaded(state, network);
    }
}
