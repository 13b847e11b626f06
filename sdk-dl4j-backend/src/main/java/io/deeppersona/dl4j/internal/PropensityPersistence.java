package io.deeppersona.dl4j.internal;

import io.deeppersona.api.artifact.ArtifactReader;
import io.deeppersona.api.artifact.ArtifactWriter;
import io.deeppersona.api.error.ArtifactException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Writes and reads the DL4J part of a propensity model's payload, {@value #NETWORK}, without updater state: a
 * saved model is for scoring; retraining starts afresh.
 */
public final class PropensityPersistence {
    public static final String NETWORK = "network.zip";

    private PropensityPersistence() {
    }

    public static void write(ArtifactWriter writer, org.deeplearning4j.nn.api.Model network) {
        try (OutputStream out = writer.create(NETWORK)) {
            ModelSerializer.writeModel(network, out, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write '" + NETWORK + "'", e);
        }
    }

    public static ComputationGraph readGraph(ArtifactReader reader, String provider) {
        check(reader, provider);
        try (InputStream in = reader.open(NETWORK)) {
            return ModelSerializer.restoreComputationGraph(in, false);
        } catch (IOException | RuntimeException e) {
            throw corrupt(provider, e);
        }
    }

    public static MultiLayerNetwork readLayers(ArtifactReader reader, String provider) {
        check(reader, provider);
        try (InputStream in = reader.open(NETWORK)) {
            return ModelSerializer.restoreMultiLayerNetwork(in, false);
        } catch (IOException | RuntimeException e) {
            throw corrupt(provider, e);
        }
    }

    private static void check(ArtifactReader reader, String provider) {
        if (!reader.paths().contains(NETWORK)) {
            throw new ArtifactException("Model payload of provider '" + provider + "' has no file '" + NETWORK
                    + "'; found " + reader.paths());
        }
    }

    private static ArtifactException corrupt(String provider, Exception e) {
        if (e instanceof ArtifactException artifact) {
            return artifact;
        }
        return new ArtifactException("Model payload of provider '" + provider + "' is corrupt: '" + NETWORK
                + "' is not a readable DL4J network (" + e.getMessage() + ")", e);
    }
}
