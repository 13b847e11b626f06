package io.deeppersona.dl4j.internal;

import io.deeppersona.core.SdkJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One training phase's checkpoint in a directory: {@code <phase>-network.zip} (with updater state, so Adam resumes
 * where it stopped), {@code <phase>-best.bin} (the best parameters so far) and {@code <phase>-state.json}, written
 * last and each file replaced atomically, so a kill leaves either the previous or the new epoch.
 */
public final class CaserCheckpoint {
    private final Path directory;
    private final String phase;

    /** Where the training counters stand after an epoch. */
    public record State(String fingerprint, int epoch, int bestEpoch, double bestScore, double lastLoss) {
    }

    /** A restored checkpoint. */
    public record Restored(State state, ComputationGraph network, INDArray bestParameters) {
    }

    public CaserCheckpoint(Path directory, String phase) {
        this.directory = directory;
        this.phase = phase;
    }

    public void save(ComputationGraph network, INDArray bestParameters, State state) throws IOException {
        Files.createDirectories(directory);
        Path networkTmp = directory.resolve(phase + "-network.zip.tmp");
        try (OutputStream out = Files.newOutputStream(networkTmp)) {
            ModelSerializer.writeModel(network, out, true);
        }
        Path bestTmp = directory.resolve(phase + "-best.bin.tmp");
        try (OutputStream out = Files.newOutputStream(bestTmp)) {
            Nd4j.write(out, bestParameters);
        }
        Path stateTmp = directory.resolve(phase + "-state.json.tmp");
        Files.write(stateTmp, SdkJson.json().writeValueAsBytes(state));
        Files.move(networkTmp, directory.resolve(phase + "-network.zip"), StandardCopyOption.REPLACE_EXISTING);
        Files.move(bestTmp, directory.resolve(phase + "-best.bin"), StandardCopyOption.REPLACE_EXISTING);
        Files.move(stateTmp, directory.resolve(phase + "-state.json"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The last checkpoint of this phase, if one exists for the same fingerprint (options and data). */
    public Optional<Restored> restore(String fingerprint) throws IOException {
        Path statePath = directory.resolve(phase + "-state.json");
        if (!Files.exists(statePath)) {
            return Optional.empty();
        }
        State state = SdkJson.json().readValue(statePath.toFile(), State.class);
        if (!fingerprint.equals(state.fingerprint())) {
            return Optional.empty();
        }
        ComputationGraph network;
        try (InputStream in = Files.newInputStream(directory.resolve(phase + "-network.zip"))) {
            network = ModelSerializer.restoreComputationGraph(in, true);
        }
        INDArray best;
        try (InputStream in = Files.newInputStream(directory.resolve(phase + "-best.bin"))) {
            best = Nd4j.read(in);
        }
        return Optional.of(new Restored(state, network, best));
    }
}
