package io.deeppersona.dl4j.internal;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The behaviour CNN: a convolution over the (time bucket x category) image with event types as channels, max
 * pooling, a dense layer, merged with the dense RFM vector, one more dense layer and a sigmoid output trained on
 * binary cross-entropy. Kernels are clipped to the image, and "same" padding keeps a one-category image valid.
 */
public final class BehaviourCnnNetworkFactory {
    public static final String IMAGE = "matrix";
    public static final String DENSE = "dense_in";

    private BehaviourCnnNetworkFactory() {
    }

    /** The architecture's knobs. */
    public record Shape(int height, int width, int channels, int denseWidth, int filters, int kernelHeight,
            int kernelWidth, int hidden, double learningRate, double l2, long seed) {
    }

    public static ComputationGraph create(Shape s) {
        int kh = Math.min(s.kernelHeight(), s.height());
        int kw = Math.min(s.kernelWidth(), s.width());
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(s.seed())
                .updater(new Adam(s.learningRate()))
                .l2(s.l2())
                .weightInit(WeightInit.RELU)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .graphBuilder()
                .addInputs(IMAGE, DENSE)
                .setInputTypes(InputType.convolutional(s.height(), s.width(), s.channels()),
                        InputType.feedForward(s.denseWidth()))
                .addLayer("conv", new ConvolutionLayer.Builder(kh, kw).nOut(s.filters())
                        .convolutionMode(ConvolutionMode.Same).activation(Activation.RELU).build(), IMAGE)
                .addLayer("pool", new SubsamplingLayer.Builder(PoolingType.MAX)
                        .kernelSize(Math.min(2, s.height()), Math.min(2, s.width()))
                        .stride(Math.min(2, s.height()), Math.min(2, s.width()))
                        .convolutionMode(ConvolutionMode.Same).build(), "conv")
                .addLayer("image_dense", new DenseLayer.Builder().nOut(s.hidden()).activation(Activation.RELU)
                        .build(), "pool")
                .addVertex("merge", new MergeVertex(), "image_dense", DENSE)
                .addLayer("hidden", new DenseLayer.Builder().nOut(s.hidden()).activation(Activation.RELU).build(),
                        "merge")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(1)
                        .weightInit(WeightInit.XAVIER).activation(Activation.SIGMOID).build(), "hidden")
                .setOutputs("out")
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        return graph;
    }
}
