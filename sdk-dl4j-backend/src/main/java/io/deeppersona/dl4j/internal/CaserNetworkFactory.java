package io.deeppersona.dl4j.internal;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.ReshapeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the Caser graph (Tang &amp; Wang, WSDM 2018) as a DL4J {@link ComputationGraph}.
 *
 * <pre>
 * seq [mb, L] item indices (0 = padding) -&gt; EmbeddingSequence (NWC) [mb, L, d] -&gt; reshape [mb, 1, L, d]
 *   horizontal: conv (h x d), n_h filters, ReLU, for h = 1..L -&gt; global max over time -&gt; [mb, n_h] each
 *   vertical:   conv (L x 1), n_v filters, linear -&gt; [mb, n_v * d]
 *   merge -&gt; dense d (ReLU) = z
 * user [mb, 1] customer index (0 = unknown) -&gt; Embedding [mb, d] = P_u
 * history [mb, items] scaled multi-hot of everything bought before the window -&gt; linear d = h  (optional)
 * merge(z, P_u[, h]) -&gt; dropout -&gt; softmax over every item
 * </pre>
 * Input names are {@value #SEQUENCE_INPUT}, {@value #CUSTOMER_INPUT} and, with the history input,
 * {@value #HISTORY_INPUT}.
 *
 * <p>The history input is our addition to Caser: the paper's long-term preference is the customer embedding P_u,
 * which a customer with a few dozen samples cannot learn and a new customer does not have. A linear map of the
 * bought items (FISM-style: an average of learnt item vectors) carries the same signal for every customer.
 */
public final class CaserNetworkFactory {
    public static final String SEQUENCE_INPUT = "seq";
    public static final String CUSTOMER_INPUT = "user";
    public static final String HISTORY_INPUT = "history";

    private CaserNetworkFactory() {
    }

    /** The shape and regularisation of one network. */
    public record Spec(int items, int customers, int sequenceLength, int embeddingDim, int horizontalFilters,
            int verticalFilters, double dropout, double learningRate, double l2, long seed, boolean historyInput) {
    }

    /** Whether {@code network} was built with the history input (payloads written before it existed were not). */
    public static boolean hasHistoryInput(ComputationGraph network) {
        return network.getConfiguration().getNetworkInputs().contains(HISTORY_INPUT);
    }

    /** Returns an initialised network; {@code items} and {@code customers} include the padding/unknown row 0. */
    public static ComputationGraph create(Spec spec) {
        int length = spec.sequenceLength();
        int dim = spec.embeddingDim();
        ComputationGraphConfiguration.GraphBuilder graph = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .updater(new Adam(spec.learningRate()))
                .l2(spec.l2())
                .weightInit(WeightInit.XAVIER)
                .convolutionMode(ConvolutionMode.Truncate)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .graphBuilder()
                .addInputs(inputs(spec))
                .setInputTypes(inputTypes(spec))
                .addLayer("itemEmbedding", new EmbeddingSequenceLayer.Builder()
                        .nIn(spec.items()).nOut(dim).inputLength(length).hasBias(false)
                        .outputDataFormat(RNNFormat.NWC).build(), SEQUENCE_INPUT)
                .addVertex("image", new ReshapeVertex('c', new int[] {-1, 1, length, dim}, null), "itemEmbedding");
        String[] features = new String[length + (spec.verticalFilters() > 0 ? 1 : 0)];
        for (int height = 1; height <= length; height++) {
            String conv = "horizontal" + height;
            graph.addLayer(conv, new ConvolutionLayer.Builder(height, dim).stride(1, 1)
                    .nIn(1).nOut(spec.horizontalFilters()).activation(Activation.RELU).build(), "image");
            graph.addLayer(conv + "Max", new GlobalPoolingLayer.Builder(PoolingType.MAX).build(), conv);
            features[height - 1] = conv + "Max";
        }
        if (spec.verticalFilters() > 0) {
            graph.addLayer("vertical", new ConvolutionLayer.Builder(length, 1).stride(1, 1)
                    .nIn(1).nOut(spec.verticalFilters()).activation(Activation.IDENTITY).build(), "image");
            graph.addVertex("verticalFlat",
                    new ReshapeVertex('c', new int[] {-1, spec.verticalFilters() * dim}, null), "vertical");
            features[length] = "verticalFlat";
        }
        graph.addVertex("features", new MergeVertex(), features)
                .addLayer("z", new DenseLayer.Builder().nOut(dim).activation(Activation.RELU).build(), "features")
                .addLayer("customerEmbedding", new EmbeddingLayer.Builder()
                        .nIn(spec.customers()).nOut(dim).hasBias(false).build(), CUSTOMER_INPUT)
                .addVertex("combined", new MergeVertex(), combined(spec, graph))
                // DL4J's dropOut takes the probability of *keeping* an activation.
                .addLayer("scores", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nOut(spec.items()).activation(Activation.SOFTMAX)
                        .dropOut(1.0 - spec.dropout()).build(), "combined")
                .setOutputs("scores");
        ComputationGraphConfiguration configuration = graph.build();
        // Shape inference from the input types overwrites the embeddings' vocabulary sizes with the input width.
        vocabulary(configuration, "itemEmbedding", spec.items());
        vocabulary(configuration, "customerEmbedding", spec.customers());
        ComputationGraph network = new ComputationGraph(configuration);
        network.init();
        return network;
    }

    private static String[] inputs(Spec spec) {
        return spec.historyInput() ? new String[] {SEQUENCE_INPUT, CUSTOMER_INPUT, HISTORY_INPUT}
                : new String[] {SEQUENCE_INPUT, CUSTOMER_INPUT};
    }

    private static InputType[] inputTypes(Spec spec) {
        InputType sequence = InputType.recurrent(1, spec.sequenceLength());
        return spec.historyInput()
                ? new InputType[] {sequence, InputType.feedForward(1), InputType.feedForward(spec.items())}
                : new InputType[] {sequence, InputType.feedForward(1)};
    }

    private static String[] combined(Spec spec, ComputationGraphConfiguration.GraphBuilder graph) {
        if (!spec.historyInput()) {
            return new String[] {"z", "customerEmbedding"};
        }
        graph.addLayer("historyEmbedding", new DenseLayer.Builder().nIn(spec.items()).nOut(spec.embeddingDim())
                .activation(Activation.IDENTITY).hasBias(false).build(), HISTORY_INPUT);
        return new String[] {"z", "customerEmbedding", "historyEmbedding"};
    }

    private static void vocabulary(ComputationGraphConfiguration configuration, String layer, int size) {
        LayerVertex vertex = (LayerVertex) configuration.getVertices().get(layer);
        ((FeedForwardLayer) vertex.getLayerConf().getLayer()).setNIn(size);
    }
}
