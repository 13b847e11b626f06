package io.deeppersona.benchmarks;

import io.deeppersona.core.deploy.FileSystemDeployer;
import io.deeppersona.spi.DeployedVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Function;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.parallelism.ParallelInference;
import org.deeplearning4j.parallelism.inference.InferenceMode;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How to run one {@code caser-cnn} network from many threads (DL4J graphs are not thread-safe): the forward pass of
 * a deployed version's network, one customer per call, measured for each way of sharing it. {@code pool}: a queue of
 * clones, one borrowed per call (what {@code CaserCnnModel} does); {@code thread-local}: one clone per thread;
 * {@code parallel-inplace} / {@code parallel-batched}: DL4J's {@link ParallelInference} with one worker per CPU,
 * answering in the caller's thread or batching queued requests.
 *
 * <p>Inputs are seeded random windows, customers and 30-item histories over the network's own vocabulary sizes; the
 * output is copied to a {@code double[]} as serving does.
 *
 * <p>{@code [OMP_NUM_THREADS=1] bin/benchmark CaserInferenceBenchmark MODEL_DIR [threads...] [calls=N]}, where
 * MODEL_DIR holds a deployed caser-cnn version, e.g. from {@code RecommenderBenchmark caser-cnn keep=MODEL_DIR}.
 */
public final class CaserInferenceBenchmark {
    private static final int INPUTS = 2048;

    private CaserInferenceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path modelDir = Path.of(args[0]);
        List<Integer> threads = new ArrayList<>();
        long calls = 4_000;
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("calls=")) {
                calls = Long.parseLong(args[i].substring(6));
            } else {
                threads.add(Integer.parseInt(args[i]));
            }
        }
        if (threads.isEmpty()) {
            threads = List.of(1, 2, 8);
        }
        FileSystemDeployer deployer = new FileSystemDeployer(modelDir, 0, Clock.systemUTC());
        DeployedVersion version = deployer.active().orElseThrow(() -> new IllegalArgumentException(
                "no active version in " + modelDir));
        Path network = deployer.artifactPath(version.version()).resolve("model").resolve("network.zip");
        if (!Files.exists(network)) {
            throw new IllegalArgumentException(version.version() + " in " + modelDir + " is not a caser-cnn model");
        }
        ComputationGraph graph = ModelSerializer.restoreComputationGraph(network.toFile(), false);
        int items = (int) nIn(graph, "itemEmbedding");
        int customers = (int) nIn(graph, "customerEmbedding");
        int length = ((EmbeddingSequenceLayer) layer(graph, "itemEmbedding")).getInputLength();
        boolean history = graph.getConfiguration().getNetworkInputs().contains("history");
        System.out.printf("%s: %,d items, %,d customers, window %d, history input %s; OMP_NUM_THREADS=%s; %d CPUs; "
                + "%,d calls per run%n", version.version(), items, customers, length, history,
                System.getenv().getOrDefault("OMP_NUM_THREADS", "-"), Runtime.getRuntime().availableProcessors(),
                calls);
        List<float[][]> inputs = inputs(items, customers, length, history);

        int workers = Runtime.getRuntime().availableProcessors();
        List<String> modes = List.of("pool", "thread-local", "parallel-inplace", "parallel-batched");
        System.out.println("| mode | " + LatencyRun.Result.header().substring(2).replace("\n| ---", "\n| --- | ---"));
        for (String mode : modes) {
            Function<INDArray[], INDArray> forward;
            ParallelInference parallel = null;
            switch (mode) {
                case "pool" -> {
                    ConcurrentLinkedQueue<ComputationGraph> idle = new ConcurrentLinkedQueue<>(List.of(graph));
                    forward = in -> {
                        ComputationGraph g = idle.poll();
                        if (g == null) {
                            g = graph.clone();
                        }
                        try {
                            return g.outputSingle(false, in);
                        } finally {
                            idle.add(g);
                        }
                    };
                }
                case "thread-local" -> {
                    ThreadLocal<ComputationGraph> copies = ThreadLocal.withInitial(graph::clone);
                    forward = in -> copies.get().outputSingle(false, in);
                }
                default -> {
                    parallel = new ParallelInference.Builder(graph).workers(workers)
                            .inferenceMode(mode.equals("parallel-inplace") ? InferenceMode.INPLACE
                                    : InferenceMode.BATCHED)
                            .batchLimit(32).build();
                    ParallelInference p = parallel;
                    forward = in -> p.output(in)[0];
                }
            }
            Consumer<float[][]> call = input -> {
                INDArray[] arrays = new INDArray[input.length];
                for (int a = 0; a < input.length; a++) {
                    arrays[a] = Nd4j.create(new float[][] {input[a]});
                }
                double[] scores = forward.apply(arrays).toDoubleVector();
                if (scores.length != items) {
                    throw new IllegalStateException("got " + scores.length + " scores for " + items + " items");
                }
            };
            LatencyRun.run(inputs, 2, Math.min(calls, 500), call);
            for (int t : threads) {
                LatencyRun.Result run = LatencyRun.run(inputs, t, Math.max(1, calls / t), call);
                System.out.println("| " + mode + " " + run.row());
            }
            if (parallel != null) {
                parallel.shutdown();
            }
        }
    }

    private static List<float[][]> inputs(int items, int customers, int length, boolean history) {
        Random random = new Random(42);
        List<float[][]> inputs = new ArrayList<>(INPUTS);
        for (int i = 0; i < INPUTS; i++) {
            float[] window = new float[length];
            for (int p = 0; p < length; p++) {
                window[p] = 1 + random.nextInt(items - 1);
            }
            float[] customer = {1 + random.nextInt(customers - 1)};
            if (!history) {
                inputs.add(new float[][] {window, customer});
                continue;
            }
            float[] bought = new float[items];
            for (int p = 0; p < 30; p++) {
                bought[1 + random.nextInt(items - 1)] = (float) (1 / Math.sqrt(30));
            }
            inputs.add(new float[][] {window, customer, bought});
        }
        return inputs;
    }

    private static org.deeplearning4j.nn.conf.layers.Layer layer(ComputationGraph graph, String name) {
        return ((LayerVertex) graph.getConfiguration().getVertices().get(name)).getLayerConf().getLayer();
    }

    private static long nIn(ComputationGraph graph, String name) {
        return ((FeedForwardLayer) layer(graph, name)).getNIn();
    }
}
