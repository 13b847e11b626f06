package io.deeppersona.dl4j;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.ModelInfo;
import io.deeppersona.api.Recommendation;
import io.deeppersona.api.RecommendationQuery;
import io.deeppersona.api.artifact.ArtifactWriter;
import io.deeppersona.api.error.PredictionException;
import io.deeppersona.core.internal.TopIndices;
import io.deeppersona.dl4j.internal.CaserNetworkFactory;
import io.deeppersona.dl4j.internal.CaserPayload;
import io.deeppersona.dl4j.internal.CaserSamples;
import io.deeppersona.dl4j.internal.CaserVocabulary;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained Caser network with its vocabularies. DL4J graphs are not thread-safe, so each concurrent caller borrows
 * a clone of the trained graph from a pool (clones are made on demand and kept for reuse; they share no state).
 */
final class CaserCnnModel implements io.deeppersona.spi.Model {
    private final ModelInfo info;
    private final CaserCnnOptions options;
    private final CaserVocabulary vocabulary;
    private final Map<String, Integer> itemIndex;
    private final Map<String, Integer> customerIndex;
    private final ComputationGraph network;
    private final ConcurrentLinkedQueue<ComputationGraph> idle = new ConcurrentLinkedQueue<>();
    private final double[] popularityScores;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final boolean historyInput;

    CaserCnnModel(CaserCnnOptions options, CaserVocabulary vocabulary, ComputationGraph network,
            Map<String, Double> validationScores) {
        this.options = requireNonNull(options, "options is null");
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
        this.network = requireNonNull(network, "network is null");
        this.info = new ModelInfo(CaserCnnModelProvider.NAME, CaserCnnModelProvider.PAYLOAD_VERSION,
                options.hyperparameters(), validationScores);
        this.itemIndex = vocabulary.itemIndex();
        this.customerIndex = vocabulary.customerIndex();
        int[] popularity = vocabulary.popularity();
        this.popularityScores = new double[popularity.length];
        for (int item = 0; item < popularity.length; item++) {
            popularityScores[item] = popularity[item];
        }
        this.historyInput = CaserNetworkFactory.hasHistoryInput(network);
        idle.add(network);
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    CaserVocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public List<Recommendation> recommend(RecommendationQuery query) {
        requireNonNull(query, "query is null");
        if (closed.get()) {
            throw new PredictionException("model '" + info.provider() + "' is closed; load it again to recommend");
        }
        int length = options.sequenceLength();
        float[] window = new float[length];
        int filled = 0;
        List<String> history = query.history();
        for (int i = history.size() - 1; i >= 0 && filled < length; i--) {
            Integer item = itemIndex.get(history.get(i));
            if (item != null) {
                window[length - 1 - filled++] = item;
            }
        }
        double[] scores = filled == 0 ? popularityScores
                : score(window, customerIndex.getOrDefault(query.customerId(), 0), knownItems(history));
        BitSet excluded = new BitSet(scores.length);
        excluded.set(0);
        for (String itemId : query.excludedItems()) {
            Integer item = itemIndex.get(itemId);
            if (item != null) {
                excluded.set(item);
            }
        }
        return top(scores, excluded, query.limit());
    }

    private int[] knownItems(List<String> history) {
        if (!historyInput) {
            return new int[0];
        }
        int[] items = new int[history.size()];
        for (int i = 0; i < items.length; i++) {
            items[i] = itemIndex.getOrDefault(history.get(i), 0);
        }
        return items;
    }

    private double[] score(float[] window, int customer, int[] history) {
        ComputationGraph graph = idle.poll();
        if (graph == null) {
            graph = network.clone();
        }
        try {
            INDArray seq = Nd4j.create(new float[][] {window});
            INDArray user = Nd4j.create(new float[][] {{customer}});
            INDArray out;
            if (historyInput) {
                // Serving reads the whole history, training the history before the window's basket: at serving
                // time the next basket comes after everything the customer has done.
                float[] bought = new float[vocabulary.itemCount()];
                CaserSamples.historyVector(history, 0, history.length, bought);
                out = graph.outputSingle(false, seq, user, Nd4j.create(new float[][] {bought}));
            } else {
                out = graph.outputSingle(false, seq, user);
            }
            return out.toDoubleVector();
        } catch (RuntimeException e) {
            throw new PredictionException("caser-cnn failed to score: " + e.getMessage(), e);
        } finally {
            idle.add(graph);
        }
    }

    /** The best {@code limit} items, higher score first, equal scores by lower index. */
    private List<Recommendation> top(double[] scores, BitSet excluded, int limit) {
        int[] best = TopIndices.select(scores, excluded, limit);
        List<Recommendation> result = new ArrayList<>(best.length);
        for (int item : best) {
            result.add(new Recommendation(vocabulary.itemIds().get(item), scores[item]));
        }
        return result;
    }

    @Override
    public void save(ArtifactWriter payload) {
        CaserPayload.write(requireNonNull(payload, "payload is null"), network, options.hyperparameters(),
                vocabulary, info.validationScores());
    }

    /** Frees the graphs' native memory; a call still in flight may then fail with a PredictionException. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            for (ComputationGraph graph = idle.poll(); graph != null; graph = idle.poll()) {
                graph.close();
            }
        }
    }

    /** The shape of {@link CaserNetworkFactory} networks for these options and vocabulary. */
    static CaserNetworkFactory.Spec spec(CaserCnnOptions options, CaserVocabulary vocabulary) {
        return new CaserNetworkFactory.Spec(vocabulary.itemCount(), vocabulary.customerCount(),
                options.sequenceLength(), options.embeddingDim(), options.horizontalFilters(),
                options.verticalFilters(), options.dropout(), options.learningRate(), options.l2(), options.seed(),
                options.historyInput());
    }
}
