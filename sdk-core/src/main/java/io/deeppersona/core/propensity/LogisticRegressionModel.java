package io.deeppersona.core.propensity;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.FeatureField;
import io.deeppersona.api.FeatureKind;
import io.deeppersona.api.FeatureVector;
import io.deeppersona.api.ModelInfo;
import io.deeppersona.api.Recommendation;
import io.deeppersona.api.RecommendationQuery;
import io.deeppersona.api.artifact.ArtifactReader;
import io.deeppersona.api.artifact.ArtifactWriter;
import io.deeppersona.api.error.ArtifactException;
import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.api.error.PredictionException;
import io.deeppersona.spi.Model;
import io.deeppersona.spi.TrainingData;
import io.deeppersona.spi.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A fitted logistic regression: immutable, so {@link #propensity} is safe from any thread. */
final class LogisticRegressionModel implements Model {
    static final String FILE = "logistic-regression.json";

    /** What the payload holds. */
    record State(List<String> numericFields, double[] means, double[] scales, List<String> oneHotFields,
            Map<String, Integer> tokens, double[] weights, double l2, int iterations) {
    }

    private final State state;
    private final DesignEncoder encoder;
    private final ModelInfo info;

    private LogisticRegressionModel(State state) {
        this.state = state;
        this.encoder = new DesignEncoder(state.numericFields(), state.means(), state.scales(), state.oneHotFields(),
                state.tokens());
        if (state.weights().length != encoder.width()) {
            throw new ArtifactException("Model payload of provider '" + LogisticRegressionModelProvider.NAME
                    + "' is corrupt: " + state.weights().length + " weights for " + encoder.width() + " columns");
        }
        this.info = new ModelInfo(LogisticRegressionModelProvider.NAME, LogisticRegressionModelProvider.PAYLOAD_VERSION,
                Map.of("l2", state.l2(), "numericFeatures", String.join(",", state.numericFields()),
                        "oneHotFeatures", String.join(",", state.oneHotFields()), "iterations", state.iterations()),
                Map.of());
    }

    static LogisticRegressionModel train(LogisticRegressionOptions options, TrainingData data,
            TrainingListener listener) {
        LabelledRows labelled = LabelledRows.of(LogisticRegressionModelProvider.NAME, data.features(), data.labels());
        List<String> numeric = options.numericFeatures() != null ? options.numericFeatures()
                : fieldsOfKind(data, FeatureKind.NUMERIC);
        List<String> oneHot = options.oneHotFeatures() != null ? options.oneHotFeatures()
                : fieldsOfKind(data, FeatureKind.ITEM_SEQUENCE);
        requireFields(data, numeric, FeatureKind.NUMERIC, "numericFeatures");
        requireFields(data, oneHot, FeatureKind.ITEM_SEQUENCE, "oneHotFeatures");
        listener.onTrainingStart(LogisticRegressionModelProvider.NAME, options.maxIterations(), labelled.size());
        DesignEncoder encoder = DesignEncoder.fit(labelled.rows(), numeric, oneHot);
        List<DesignEncoder.Row> rows = new ArrayList<>(labelled.size());
        for (FeatureVector row : labelled.rows()) {
            rows.add(encoder.encode(row));
        }
        Irls.Result result = Irls.fit(rows, labelled.labels(), encoder.width(), options.l2(),
                options.maxIterations(), options.tolerance());
        listener.onTrainingEnd(LogisticRegressionModelProvider.NAME, (result.converged() ? "converged" : "stopped")
                + " after " + result.iterations() + " Newton steps on " + encoder.width() + " columns");
        return new LogisticRegressionModel(new State(numeric, encoder.means(), encoder.scales(), oneHot,
                encoder.tokens(), result.weights(), options.l2(), result.iterations()));
    }

    static LogisticRegressionModel load(ArtifactReader reader) {
        State state = PropensityPayload.read(reader, LogisticRegressionModelProvider.NAME, FILE, State.class);
        if (state.weights() == null || state.means() == null || state.scales() == null || state.tokens() == null
                || state.numericFields() == null || state.oneHotFields() == null) {
            throw new ArtifactException("Model payload of provider '" + LogisticRegressionModelProvider.NAME
                    + "' is corrupt: '" + FILE + "' misses a section");
        }
        return new LogisticRegressionModel(state);
    }

    private static void requireFields(TrainingData data, List<String> names, FeatureKind kind, String option) {
        List<String> present = fieldsOfKind(data, kind);
        for (String name : names) {
            if (!present.contains(name)) {
                throw new ConfigurationException("Option '" + option + "' names '" + name + "', but the training "
                        + "features have no " + kind + " field of that name; " + kind + " fields: " + present);
            }
        }
    }

    private static List<String> fieldsOfKind(TrainingData data, FeatureKind kind) {
        return data.features().schema().fields().stream().filter(f -> f.kind() == kind).map(FeatureField::name)
                .toList();
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public double propensity(FeatureVector features) {
        requireNonNull(features, "features is null");
        return Irls.sigmoid(Irls.dot(encoder.encode(features), state.weights()));
    }

    @Override
    public List<Recommendation> recommend(RecommendationQuery query) {
        throw new PredictionException("model '" + LogisticRegressionModelProvider.NAME
                + "' scores propensity only; use propensity(features) or a recommender such as 'ease'");
    }

    @Override
    public void save(ArtifactWriter payload) {
        PropensityPayload.write(payload, FILE, state);
    }

    @Override
    public void close() {
    }
}
