package io.deeppersona.dl4j;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.FeatureVector;
import io.deeppersona.api.ModelInfo;
import io.deeppersona.api.Recommendation;
import io.deeppersona.api.RecommendationQuery;
import io.deeppersona.api.artifact.ArtifactReader;
import io.deeppersona.api.artifact.ArtifactWriter;
import io.deeppersona.api.error.ArtifactException;
import io.deeppersona.api.error.PersonalizationException;
import io.deeppersona.api.error.PredictionException;
import io.deeppersona.api.error.TrainingException;
import io.deeppersona.core.propensity.LabelledRows;
import io.deeppersona.core.propensity.PropensityPayload;
import io.deeppersona.dl4j.internal.BehaviourCnnInputs;
import io.deeppersona.dl4j.internal.BehaviourCnnNetwork;
import io.deeppersona.dl4j.internal.BehaviourCnnNetworkFactory;
import io.deeppersona.dl4j.internal.PropensityBatches;
import io.deeppersona.dl4j.internal.PropensityNetworkPool;
import io.deeppersona.dl4j.internal.PropensityPersistence;
import io.deeppersona.dl4j.internal.PropensityTraining;
import io.deeppersona.spi.Model;
import io.deeppersona.spi.TrainingData;
import io.deeppersona.spi.TrainingListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.factory.Nd4j;

/** A trained behaviour CNN; {@link #propensity} is safe from many threads (each borrows a network copy). */
final class BehaviourCnnModel implements Model {
    /** Rows per inference call: large enough to amortise native dispatch, small enough for little memory. */
    static final String FILE = "behaviour-cnn.json";

    /** The payload beside the network: input layout and scaling, settings and validation scores. */
    record State(BehaviourCnnInputs inputs, Map<String, Object> hyperparameters, Map<String, Double> validation) {
    }

    private final State state;
    private final PropensityNetworkPool<ComputationGraph> pool;
    private final AtomicBoolean closed = new AtomicBoolean();

    private BehaviourCnnModel(State state, ComputationGraph graph) {
        this.state = new State(state.inputs(), PropensityPayload.normalised(state.hyperparameters()),
                state.validation());
        this.pool = new PropensityNetworkPool<>(graph, ComputationGraph::clone);
    }

    static BehaviourCnnModel train(BehaviourCnnOptions options, TrainingData data, TrainingListener listener) {
        LabelledRows labelled = LabelledRows.of(BehaviourCnnModelProvider.NAME, data.features(), data.labels());
        try {
            BehaviourCnnInputs inputs = BehaviourCnnInputs.fit(data.features().schema(), labelled.rows(),
                    options.matrixFeature(), options.denseFeature());
            int n = labelled.size();
            float[][] images = new float[n][];
            float[][] dense = new float[n][];
            for (int i = 0; i < n; i++) {
                images[i] = inputs.image(labelled.rows().get(i));
                dense[i] = inputs.dense(labelled.rows().get(i));
            }
            Nd4j.getRandom().setSeed(options.seed());
            ComputationGraph graph = BehaviourCnnNetworkFactory.create(new BehaviourCnnNetworkFactory.Shape(
                    inputs.height(), inputs.width(), inputs.channels(), inputs.means().length, options.filters(),
                    options.kernelHeight(), options.kernelWidth(), options.hidden(), options.learningRate(),
                    options.l2(), options.seed()));
            PropensityTraining.Outcome outcome = PropensityTraining.run(BehaviourCnnModelProvider.NAME,
                    new BehaviourCnnNetwork(graph, inputs, images, dense, labelled.labels()), labelled.labels(),
                    options.epochs(), options.batchSize(), options.validationFraction(), options.patience(),
                    options.seed(), listener);
            Map<String, Object> hyperparameters = new LinkedHashMap<>();
            hyperparameters.put("filters", options.filters());
            hyperparameters.put("kernelHeight", options.kernelHeight());
            hyperparameters.put("kernelWidth", options.kernelWidth());
            hyperparameters.put("hidden", options.hidden());
            hyperparameters.put("learningRate", options.learningRate());
            hyperparameters.put("l2", options.l2());
            hyperparameters.put("epochs", options.epochs());
            hyperparameters.put("bestEpoch", outcome.bestEpoch());
            hyperparameters.put("batchSize", options.batchSize());
            hyperparameters.put("seed", options.seed());
            return new BehaviourCnnModel(new State(inputs, hyperparameters, outcome.validation()), graph);
        } catch (PersonalizationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TrainingException("behaviour-cnn training failed: " + e.getMessage(), e);
        }
    }

    static BehaviourCnnModel load(ArtifactReader reader) {
        State state = PropensityPayload.read(reader, BehaviourCnnModelProvider.NAME, FILE, State.class);
        if (state.inputs() == null || state.hyperparameters() == null || state.validation() == null) {
            throw new ArtifactException("Model payload of provider '" + BehaviourCnnModelProvider.NAME
                    + "' is corrupt: '" + FILE + "' misses a section");
        }
        return new BehaviourCnnModel(state, PropensityPersistence.readGraph(reader, BehaviourCnnModelProvider.NAME));
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo(BehaviourCnnModelProvider.NAME, BehaviourCnnModelProvider.PAYLOAD_VERSION,
                state.hyperparameters(), state.validation());
    }

    @Override
    public double propensity(FeatureVector features) {
        return propensities(List.of(requireNonNull(features, "features is null")))[0];
    }

    @Override
    public double[] propensities(List<FeatureVector> features) {
        if (closed.get()) {
            throw new PredictionException("behaviour-cnn model is closed");
        }
        BehaviourCnnInputs inputs = state.inputs();
        return PropensityBatches.score(BehaviourCnnModelProvider.NAME, features, batch -> {
            float[][] image = new float[batch.size()][];
            float[][] dense = new float[batch.size()][];
            for (int i = 0; i < batch.size(); i++) {
                image[i] = inputs.image(batch.get(i));
                dense[i] = inputs.dense(batch.get(i));
            }
            return pool.with(graph -> BehaviourCnnNetwork.predict(graph, inputs, image, dense));
        });
    }

    @Override
    public List<Recommendation> recommend(RecommendationQuery query) {
        throw new PredictionException("model '" + BehaviourCnnModelProvider.NAME
                + "' scores propensity only; use propensity(features) or a recommender such as 'caser-cnn'");
    }

    @Override
    public void save(ArtifactWriter payload) {
        PropensityPayload.write(payload, FILE, state);
        PropensityPersistence.write(payload, pool.original());
    }

    @Override
    public void close() {
        closed.set(true);
    }
}
