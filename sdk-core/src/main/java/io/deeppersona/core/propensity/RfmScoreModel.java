package io.deeppersona.core.propensity;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.FeatureVector;
import io.deeppersona.api.ModelInfo;
import io.deeppersona.api.Recommendation;
import io.deeppersona.api.RecommendationQuery;
import io.deeppersona.api.artifact.ArtifactReader;
import io.deeppersona.api.artifact.ArtifactWriter;
import io.deeppersona.api.error.ArtifactException;
import io.deeppersona.api.error.PredictionException;
import io.deeppersona.api.error.TrainingException;
import io.deeppersona.spi.Model;
import io.deeppersona.spi.TrainingData;
import java.util.List;
import java.util.Map;

/** A fitted RFM score table: immutable, so {@link #propensity} is safe from any thread. */
final class RfmScoreModel implements Model {
    static final String FILE = "rfm-score.json";

    /**
     * What the payload holds.
     *
     * @param recencyCuts, frequencyCuts, monetaryCuts quantile cut points per dimension
     * @param probabilities probability per score sum minus 3 ({@code 3 * bins - 2} entries)
     */
    record State(String field, int bins, double[] recencyCuts, double[] frequencyCuts, double[] monetaryCuts,
            double[] probabilities) {
    }

    private final State state;
    private final QuantileBins recency;
    private final QuantileBins frequency;
    private final QuantileBins monetary;

    private RfmScoreModel(State state) {
        this.state = state;
        if (state.field() == null || state.recencyCuts() == null || state.frequencyCuts() == null
                || state.monetaryCuts() == null || state.probabilities() == null
                || state.probabilities().length != 3 * state.bins() - 2) {
            throw new ArtifactException("Model payload of provider '" + RfmScoreModelProvider.NAME
                    + "' is corrupt: '" + FILE + "' misses a section or has a wrong score table");
        }
        this.recency = new QuantileBins(state.recencyCuts());
        this.frequency = new QuantileBins(state.frequencyCuts());
        this.monetary = new QuantileBins(state.monetaryCuts());
    }

    static RfmScoreModel train(RfmScoreOptions options, TrainingData data) {
        LabelledRows labelled = LabelledRows.of(RfmScoreModelProvider.NAME, data.features(), data.labels());
        int n = labelled.size();
        double[][] columns = new double[3][n];
        for (int i = 0; i < n; i++) {
            float[] rfm = rfm(labelled.rows().get(i), options.field());
            for (int d = 0; d < 3; d++) {
                columns[d][i] = rfm[d];
            }
        }
        int bins = options.bins();
        QuantileBins r = QuantileBins.learn(columns[0], bins);
        QuantileBins f = QuantileBins.learn(columns[1], bins);
        QuantileBins m = QuantileBins.learn(columns[2], bins);
        double[] positives = new double[3 * bins - 2];
        double[] counts = new double[3 * bins - 2];
        for (int i = 0; i < n; i++) {
            int sum = score(r, f, m, bins, columns[0][i], columns[1][i], columns[2][i]);
            counts[sum] += 1;
            positives[sum] += labelled.labels()[i];
        }
        double rate = labelled.positiveRate();
        double[] probabilities = new double[counts.length];
        for (int s = 0; s < counts.length; s++) {
            double smoothing = options.smoothing();
            probabilities[s] = counts[s] + smoothing == 0 ? rate
                    : (positives[s] + smoothing * rate) / (counts[s] + smoothing);
        }
        return new RfmScoreModel(new State(options.field(), bins, r.cuts(), f.cuts(), m.cuts(), probabilities));
    }

    static RfmScoreModel load(ArtifactReader reader) {
        return new RfmScoreModel(PropensityPayload.read(reader, RfmScoreModelProvider.NAME, FILE, State.class));
    }

    /** Returns R + F + M scores minus 3, so 0 is the worst customer; recent (small recency) scores high. */
    private static int score(QuantileBins r, QuantileBins f, QuantileBins m, int bins, double recency,
            double frequency, double monetary) {
        return (bins - 1 - r.bin(recency)) + f.bin(frequency) + m.bin(monetary);
    }

    private static float[] rfm(FeatureVector row, String field) {
        float[] values = row.numeric().get(field);
        if (values == null || values.length != 3) {
            throw new TrainingException("rfm-score needs numeric feature '" + field
                    + "' = [recency_days, frequency, monetary]; got " + (values == null ? "none" : values.length
                    + " values") + ". Add the 'rfm' feature extractor or set option 'field'");
        }
        return values;
    }

    /** Returns the summed score (3..3*bins) of {@code features}, for reports. */
    int score(FeatureVector features) {
        float[] v = features.numeric().get(state.field());
        if (v == null || v.length != 3) {
            throw new PredictionException("rfm-score needs numeric feature '" + state.field() + "' of 3 values");
        }
        return 3 + score(recency, frequency, monetary, state.bins(), v[0], v[1], v[2]);
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo(RfmScoreModelProvider.NAME, RfmScoreModelProvider.PAYLOAD_VERSION,
                Map.of("field", state.field(), "bins", state.bins()), Map.of());
    }

    @Override
    public double propensity(FeatureVector features) {
        requireNonNull(features, "features is null");
        return state.probabilities()[score(features) - 3];
    }

    @Override
    public List<Recommendation> recommend(RecommendationQuery query) {
        throw new PredictionException("model '" + RfmScoreModelProvider.NAME
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
