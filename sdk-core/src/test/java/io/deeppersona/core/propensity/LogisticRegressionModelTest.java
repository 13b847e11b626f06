package io.deeppersona.core.propensity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.deeppersona.api.Catalogue;
import io.deeppersona.api.FeatureField;
import io.deeppersona.api.FeatureSchema;
import io.deeppersona.api.FeatureTable;
import io.deeppersona.api.FeatureVector;
import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.core.eventlog.ColumnarEventLog;
import io.deeppersona.spi.Model;
import io.deeppersona.spi.TrainingData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogisticRegressionModelTest {
    /**
     * One binary feature, 4 rows each: x = 0 has 1 positive, x = 1 has 3. Unpenalised, the maximum-likelihood
     * fit reproduces the group rates exactly: intercept logit(1/4) = -ln 3 and slope ln 3 - (-ln 3) = 2 ln 3, so
     * p(x=0) = 1/4 and p(x=1) = 3/4, whatever the feature's standardisation.
     */
    @Test
    void unpenalisedFitMatchesTheHandComputedMaximumLikelihood() {
        float[] x = {0, 0, 0, 0, 1, 1, 1, 1};
        float[] y = {1, 0, 0, 0, 1, 1, 1, 0};
        try (Model model = train(x, y, 0.0)) {
            assertThat(model.propensity(row(0))).isCloseTo(0.25, within(1e-9));
            assertThat(model.propensity(row(1))).isCloseTo(0.75, within(1e-9));
        }
    }

    /**
     * With x standardised to -1/+1 (mean 0.5, deviation 0.5), the penalised objective is symmetric: the intercept
     * stays 0 and the slope b zeroes the gradient {@code (3 - 4 s(b)) + (3 - 4 s(b)) - l2 b}, s the sigmoid; for
     * l2 = 8 that is {@code 3/4 - s(b) = b}, whose root is b = 0.2001 (bisection), so p(x=1) = s(b) = 0.5499.
     */
    @Test
    void penalisedFitSolvesTheRegularisedGradientEquation() {
        float[] x = {0, 0, 0, 0, 1, 1, 1, 1};
        float[] y = {1, 0, 0, 0, 1, 1, 1, 0};
        try (Model model = train(x, y, 8.0)) {
            double p1 = model.propensity(row(1));
            double b = Math.log(p1 / (1 - p1));
            assertThat(0.75 - p1 - b).isCloseTo(0, within(1e-9));
            assertThat(p1).isCloseTo(0.5499, within(1e-4));
            assertThat(model.propensity(row(0))).isCloseTo(1 - p1, within(1e-9));
        }
    }

    @Test
    void oneHotTokensGetTheirOwnWeights() {
        FeatureSchema schema = FeatureSchema.of(FeatureField.itemSequence("fields", 1));
        List<FeatureVector> rows = new ArrayList<>();
        Map<String, Float> labels = new HashMap<>();
        String[] tokens = {"job=a", "job=a", "job=b", "job=b"};
        float[] y = {1, 1, 0, 1};
        for (int i = 0; i < tokens.length; i++) {
            rows.add(new FeatureVector("r" + i, Map.of(), Map.of("fields", List.of(tokens[i]))));
            labels.put("r" + i, y[i]);
        }
        TrainingData data = new TrainingData(ColumnarEventLog.builder().build(), Catalogue.empty(),
                FeatureTable.of(schema, rows), labels);
        try (Model model = new LogisticRegressionModelProvider()
                .newTrainer(Map.of("l2", 0.01), DefaultProviderContext.create()).train(data)) {
            FeatureVector a = new FeatureVector("x", Map.of(), Map.of("fields", List.of("job=a")));
            FeatureVector b = new FeatureVector("y", Map.of(), Map.of("fields", List.of("job=b")));
            FeatureVector unseen = new FeatureVector("z", Map.of(), Map.of("fields", List.of("job=c")));
            assertThat(model.propensity(a)).isGreaterThan(model.propensity(b));
            assertThat(model.propensity(b)).isCloseTo(0.5, within(0.05));
            assertThat(model.propensity(unseen)).isBetween(0.0, 1.0);
        }
    }

    @Test
    void unknownFeatureNameIsAConfigurationError() {
        assertThatThrownBy(() -> new LogisticRegressionModelProvider()
                .newTrainer(Map.of("numericFeatures", List.of("rfm")), DefaultProviderContext.create())
                .train(data(new float[] {0, 1}, new float[] {0, 1})))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'rfm'").hasMessageContaining("[x]");
    }

    private static Model train(float[] x, float[] y, double l2) {
        return new LogisticRegressionModelProvider()
                .newTrainer(Map.of("l2", l2, "maxIterations", 100, "tolerance", 1e-12),
                        DefaultProviderContext.create())
                .train(data(x, y));
    }

    private static TrainingData data(float[] x, float[] y) {
        FeatureSchema schema = FeatureSchema.of(FeatureField.labelledVector("x", List.of("x")));
        List<FeatureVector> rows = new ArrayList<>();
        Map<String, Float> labels = new HashMap<>();
        for (int i = 0; i < x.length; i++) {
            rows.add(new FeatureVector("c" + i, Map.of("x", new float[] {x[i]}), Map.of()));
            labels.put("c" + i, y[i]);
        }
        return new TrainingData(ColumnarEventLog.builder().build(), Catalogue.empty(),
                FeatureTable.of(schema, rows), labels);
    }

    private static FeatureVector row(float x) {
        return new FeatureVector("q", Map.of("x", new float[] {x}), Map.of());
    }
}
