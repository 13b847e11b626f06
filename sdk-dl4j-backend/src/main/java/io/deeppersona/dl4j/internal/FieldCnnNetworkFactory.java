package io.deeppersona.dl4j.internal;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.Subsampling1DLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The convolutional click prediction model (CCPM; Liu et al., CIKM 2015) for tabular fields: every field token is
 * embedded, the embeddings are stacked along the field axis (fields x d), and two rounds of 1-D convolution (tanh)
 * and pooling shrink the field axis to p1 and then p2 = 3 positions, p1 = n/2 by the paper's flexible p-max rule
 * {@code p_i = (1 - (i/l)^(l-i)) n} for l = 2 layers. DL4J has no k-max pooling, so each round uses max pooling
 * with windows of {@code ceil(len/p)}, which keeps the field order as k-max does but takes one maximum per window
 * instead of the p largest anywhere. A last convolution spanning the remaining positions acts as the flatten +
 * dense layer, then a sigmoid output on binary cross-entropy.
 */
public final class FieldCnnNetworkFactory {
    private FieldCnnNetworkFactory() {
    }

    /** The architecture's knobs. */
    public record Shape(int vocabulary, int fields, int embedding, int filters1, int filters2, int width1,
            int width2, int hidden, double learningRate, double l2, long seed) {
    }

    public static MultiLayerNetwork create(Shape s) {
        int n = s.fields();
        int pool1 = (int) Math.ceil(n / (double) Math.max(1, (n + 1) / 2));
        int length1 = (int) Math.ceil(n / (double) pool1);
        int pool2 = (int) Math.ceil(length1 / 3.0);
        int length2 = (int) Math.ceil(length1 / (double) pool2);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(s.seed())
                .updater(new Adam(s.learningRate()))
                .l2(s.l2())
                .weightInit(WeightInit.XAVIER)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list()
                .layer(new EmbeddingSequenceLayer.Builder().nIn(s.vocabulary()).nOut(s.embedding()).inputLength(n)
                        .build())
                .layer(new Convolution1DLayer.Builder().kernelSize(Math.min(s.width1(), n)).nOut(s.filters1())
                        .convolutionMode(ConvolutionMode.Same).activation(Activation.TANH).build())
                .layer(new Subsampling1DLayer.Builder(PoolingType.MAX).kernelSize(pool1).stride(pool1)
                        .convolutionMode(ConvolutionMode.Same).build())
                .layer(new Convolution1DLayer.Builder().kernelSize(Math.min(s.width2(), length1))
                        .nOut(s.filters2()).convolutionMode(ConvolutionMode.Same).activation(Activation.TANH).build())
                .layer(new Subsampling1DLayer.Builder(PoolingType.MAX).kernelSize(pool2).stride(pool2)
                        .convolutionMode(ConvolutionMode.Same).build())
                .layer(new Convolution1DLayer.Builder().kernelSize(length2).nOut(s.hidden())
                        .convolutionMode(ConvolutionMode.Truncate).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(1)
                        .activation(Activation.SIGMOID).build())
                .setInputType(InputType.recurrent(1, n))
                // Inferring nIn from the input type would size the embedding table by the input width (1).
                .overrideNinUponBuild(false)
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }
}
