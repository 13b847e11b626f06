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
import io.deeppersona.dl4j.internal.FieldCnnInputs;
import io.deeppersona.dl4j.internal.FieldCnnNetwork;
import io.deeppersona.dl4j.internal.FieldCnnNetworkFactory;
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
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;

/** A trained field CNN; {@link #propensity} is safe from many threads (each borrows a network copy). */
final class FieldCnnModel implements Model {
    /** Rows per inference call: large enough to amortise native dispatch, small enough for little memory. */
    static final String FILE = "field-cnn.json";

    /** The payload beside the network: the token vocabulary, settings and validation scores. */
    record State(FieldCnnInputs inputs, Map<String, Object> hyperparameters, Map<String, Double> validation) {
    }

    private final State state;
    private final PropensityNetworkPool<MultiLayerNetwork> pool;
    private final AtomicBoolean closed = new AtomicBoolean();

    private FieldCnnModel(State state, MultiLayerNetwork network) {
        this.state = new State(state.inputs(), PropensityPayload.normalised(state.hyperparameters()),
                state.validation());
        this.pool = new PropensityNetworkPool<>(network, MultiLayerNetwork::clone);
    }

    static FieldCnnModel train(FieldCnnOptions options, TrainingData data, TrainingListener listener) {
        LabelledRows labelled = LabelledRows.of(FieldCnnModelProvider.NAME, data.features(), data.labels());
        try {
            FieldCnnInputs inputs = FieldCnnInputs.fit(data.features().schema(), labelled.rows(),
                    options.fieldFeature());
            float[][] indices = new float[labelled.size()][];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = inputs.indices(labelled.rows().get(i));
            }
            Nd4j.getRandom().setSeed(options.seed());
            MultiLayerNetwork network = FieldCnnNetworkFactory.create(new FieldCnnNetworkFactory.Shape(inputs.rows(),
                    inputs.fields(), options.embedding(), options.filters1(), options.filters2(), options.width1(),
                    options.width2(), options.hidden(), options.learningRate(), options.l2(), options.seed()));
            PropensityTraining.Outcome outcome = PropensityTraining.run(FieldCnnModelProvider.NAME,
                    new FieldCnnNetwork(network, indices, labelled.labels()), labelled.labels(), options.epochs(),
                    options.batchSize(), options.validationFraction(), options.patience(), options.seed(), listener);
            Map<String, Object> hyperparameters = new LinkedHashMap<>();
            hyperparameters.put("embedding", options.embedding());
            hyperparameters.put("filters1", options.filters1());
            hyperparameters.put("filters2", options.filters2());
            hyperparameters.put("width1", options.width1());
            hyperparameters.put("width2", options.width2());
            hyperparameters.put("hidden", options.hidden());
            hyperparameters.put("learningRate", options.learningRate());
            hyperparameters.put("l2", options.l2());
            hyperparameters.put("epochs", options.epochs());
            hyperparameters.put("bestEpoch", outcome.bestEpoch());
            hyperparameters.put("batchSize", options.batchSize());
            hyperparameters.put("seed", options.seed());
            return new FieldCnnModel(new State(inputs, hyperparameters, outcome.validation()), network);
        } catch (PersonalizationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TrainingException("field-cnn training failed: " + e.getMessage(), e);
        }
    }

    static FieldCnnModel load(ArtifactReader reader) {
        State state = PropensityPayload.read(reader, FieldCnnModelProvider.NAME, FILE, State.class);
        if (state.inputs() == null || state.hyperparameters() == null || state.validation() == null) {
            throw new ArtifactException("Model payload of provider '" + FieldCnnModelProvider.NAME
                    + "' is corrupt: '" + FILE + "' misses a section");
        }
        return new FieldCnnModel(state, PropensityPersistence.readLayers(reader, FieldCnnModelProvider.NAME));
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo(FieldCnnModelProvider.NAME, FieldCnnModelProvider.PAYLOAD_VERSION,
                state.hyperparameters(), state.validation());
    }

    @Override
    public double propensity(FeatureVector features) {
        return propensities(List.of(requireNonNull(features, "features is null")))[0];
    }

    @Override
    public double[] propensities(List<FeatureVector> features) {
        if (closed.get()) {
            throw new PredictionException("field-cnn model is closed");
        }
        return PropensityBatches.score(FieldCnnModelProvider.NAME, features, batch -> {
            float[][] indices = new float[batch.size()][];
            for (int i = 0; i < batch.size(); i++) {
                indices[i] = state.inputs().indices(batch.get(i));
            }
            return pool.with(network -> FieldCnnNetwork.predict(network, indices));
        });
    }

    @Override
    public List<Recommendation> recommend(RecommendationQuery query) {
        throw new PredictionException("model '" + FieldCnnModelProvider.NAME
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
