package io.deeppersona.dl4j.internal;

import static java.util.Objects.requireNonNull;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The behaviour CNN graph over in-memory training rows: images (NCHW, flattened), dense vectors and labels. */
public final class BehaviourCnnNetwork implements PropensityNetwork {
    private final ComputationGraph graph;
    private final BehaviourCnnInputs inputs;
    private final float[][] images;
    private final float[][] dense;
    private final float[] labels;

    public BehaviourCnnNetwork(ComputationGraph graph, BehaviourCnnInputs inputs, float[][] images, float[][] dense,
            float[] labels) {
        this.graph = requireNonNull(graph, "graph is null");
        this.inputs = requireNonNull(inputs, "inputs is null");
        this.images = images;
        this.dense = dense;
        this.labels = labels;
    }

    @Override
    public double fit(int[] rows) {
        INDArray[] features = batch(inputs, pick(images, rows), pick(dense, rows));
        float[][] y = new float[rows.length][1];
        for (int i = 0; i < rows.length; i++) {
            y[i][0] = labels[rows[i]];
        }
        graph.fit(new MultiDataSet(features, new INDArray[] {Nd4j.create(y)}));
        return graph.score();
    }

    @Override
    public double[] predict(int[] rows) {
        return predict(graph, inputs, pick(images, rows), pick(dense, rows));
    }

    /** Scores a batch with {@code graph}, which must not be used by another thread meanwhile. */
    public static double[] predict(ComputationGraph graph, BehaviourCnnInputs inputs, float[][] images,
            float[][] dense) {
        INDArray out = graph.outputSingle(false, batch(inputs, images, dense));
        double[] scores = out.reshape(images.length).toDoubleVector();
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Math.min(1, Math.max(0, scores[i]));
        }
        return scores;
    }

    @Override
    public INDArray parameters() {
        return graph.params().dup();
    }

    @Override
    public void parameters(INDArray values) {
        graph.setParams(values);
    }

    private static INDArray[] batch(BehaviourCnnInputs inputs, float[][] images, float[][] dense) {
        INDArray image = Nd4j.create(images).reshape('c', images.length, inputs.channels(), inputs.height(),
                inputs.width());
        return new INDArray[] {image, Nd4j.create(dense)};
    }

    private static float[][] pick(float[][] all, int[] rows) {
        float[][] picked = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            picked[i] = all[rows[i]];
        }
        return picked;
    }
}
