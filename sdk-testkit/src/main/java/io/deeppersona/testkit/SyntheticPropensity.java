package io.deeppersona.testkit;

import io.deeppersona.api.Catalogue;
import io.deeppersona.api.FeatureField;
import io.deeppersona.api.FeatureKind;
import io.deeppersona.api.FeatureSchema;
import io.deeppersona.api.FeatureTable;
import io.deeppersona.api.FeatureVector;
import io.deeppersona.core.eventlog.ColumnarEventLog;
import io.deeppersona.spi.TrainingData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded synthetic propensity data whose label depends on the features, so a model that learns anything beats
 * chance: {@link #behaviour} has the {@code rfm} + {@code behaviour_matrix} layout of event-history features,
 * {@link #tabular} the {@code fields} + {@code numeric} layout of campaign tables.
 */
public final class SyntheticPropensity {
    private SyntheticPropensity() {
    }

    /** Customers with {@code rfm} [recency, frequency, monetary] and a 4 x 3 x 2 behaviour matrix. */
    public static TrainingData behaviour(int customers, long seed) {
        Random random = new Random(seed);
        FeatureSchema schema = FeatureSchema.of(
                FeatureField.labelledVector("rfm", List.of("recency_days", "frequency", "monetary")),
                new FeatureField("behaviour_matrix", FeatureKind.NUMERIC, List.of(4, 3, 2), List.of()));
        List<FeatureVector> rows = new ArrayList<>();
        Map<String, Float> labels = new HashMap<>();
        for (int c = 0; c < customers; c++) {
            float[] matrix = new float[24];
            double activity = random.nextDouble();
            for (int i = 0; i < matrix.length; i++) {
                matrix[i] = random.nextDouble() < activity * (i < 6 ? 0.9 : 0.3) ? (float) Math.log1p(1
                        + random.nextInt(3)) : 0f;
            }
            float recency = (float) (random.nextDouble() * 300 * (1 - activity));
            float frequency = (float) Math.log1p(random.nextInt(10) * activity);
            float monetary = (float) Math.log1p(random.nextDouble() * 500 * activity);
            String id = "c" + c;
            rows.add(new FeatureVector(id, Map.of("rfm", new float[] {recency, frequency, monetary},
                    "behaviour_matrix", matrix), Map.of()));
            labels.put(id, random.nextDouble() < 0.1 + 0.7 * activity * activity ? 1f : 0f);
        }
        return new TrainingData(ColumnarEventLog.builder().build(), Catalogue.empty(),
                FeatureTable.of(schema, rows), labels);
    }

    /** Rows with 5 categorical field tokens and 2 standardised numerics. */
    public static TrainingData tabular(int rowsCount, long seed) {
        Random random = new Random(seed);
        FeatureSchema schema = FeatureSchema.of(FeatureField.itemSequence("fields", 5),
                FeatureField.labelledVector("numeric", List.of("age", "balance")));
        List<FeatureVector> rows = new ArrayList<>();
        Map<String, Float> labels = new HashMap<>();
        for (int r = 0; r < rowsCount; r++) {
            int job = random.nextInt(4);
            int contact = random.nextInt(2);
            int month = random.nextInt(6);
            double age = random.nextGaussian();
            double balance = random.nextGaussian();
            List<String> fields = List.of("job=j" + job, "contact=c" + contact, "month=m" + month,
                    "age=q" + Math.max(0, Math.min(4, (int) (age + 2.5))), "balance=q"
                            + Math.max(0, Math.min(4, (int) (balance + 2.5))));
            double logit = -1.5 + (job == 2 ? 1.5 : 0) + (contact == 1 ? 0.8 : -0.4) + 0.6 * balance
                    + (month == 3 && job == 1 ? 2 : 0);
            String id = "row-" + r;
            rows.add(new FeatureVector(id, Map.of("numeric", new float[] {(float) age, (float) balance}),
                    Map.of("fields", fields)));
            labels.put(id, random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1f : 0f);
        }
        return new TrainingData(ColumnarEventLog.builder().build(), Catalogue.empty(),
                FeatureTable.of(schema, rows), labels);
    }
}
