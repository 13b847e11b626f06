package io.deeppersona.dl4j.internal;

import static java.util.Objects.requireNonNull;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The field CNN over in-memory training rows: token indices per field and labels. */
public final class FieldCnnNetwork implements PropensityNetwork {
    private final MultiLayerNetwork network;
    private final float[][] indices;
    private final float[] labels;

    public FieldCnnNetwork(MultiLayerNetwork network, float[][] indices, float[] labels) {
        this.network = requireNonNull(network, "network is null");
        this.indices = indices;
        this.labels = labels;
    }

    @Override
    public double fit(int[] rows) {
        float[][] y = new float[rows.length][1];
        for (int i = 0; i < rows.length; i++) {
            y[i][0] = labels[rows[i]];
        }
        network.fit(new DataSet(input(pick(rows)), Nd4j.create(y)));
        return network.score();
    }

    @Override
    public double[] predict(int[] rows) {
        return predict(network, pick(rows));
    }

    /** Scores a batch with {@code network}, which must not be used by another thread meanwhile. */
    public static double[] predict(MultiLayerNetwork network, float[][] batch) {
        INDArray out = network.output(input(batch), false);
        double[] scores = out.reshape(batch.length).toDoubleVector();
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Math.min(1, Math.max(0, scores[i]));
        }
        return scores;
    }

    @Override
    public INDArray parameters() {
        return network.params().dup();
    }

    @Override
    public void parameters(INDArray values) {
        network.setParams(values);
    }

    private static INDArray input(float[][] batch) {
        return Nd4j.create(batch);
    }

    private float[][] pick(int[] rows) {
        float[][] picked = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            picked[i] = indices[rows[i]];
        }
        return picked;
    }
}
