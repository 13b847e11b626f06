package io.deeppersona.core.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventType;
import io.deeppersona.api.Recommendation;
import io.deeppersona.api.RecommendationQuery;
import io.deeppersona.api.error.ArtifactException;
import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.api.error.PredictionException;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.core.eventlog.ColumnarEventLog;
import io.deeppersona.core.eventlog.ColumnarEventLogBuilder;
import io.deeppersona.spi.Model;
import io.deeppersona.spi.ModelProvider;
import io.deeppersona.spi.TrainingData;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed behaviour of the baselines on four customers: a {i1, i2}, b {i1, i2, i3}, c {i3}, d {i1} (b buys
 * i1 twice). Co-occurrences: i1-i2 2, i1-i3 1, i2-i3 1; customers per item 3, 2, 2. Cosine: sim(i1, i2) = 2/sqrt(6),
 * sim(i1, i3) = 1/sqrt(6), sim(i2, i3) = 1/2.
 */
class BaselineModelsTest {
    private static final DefaultProviderContext CONTEXT = DefaultProviderContext.create();
    private static final EventLog LOG = log();

    private static EventLog log() {
        ColumnarEventLogBuilder builder = ColumnarEventLog.builder();
        String[][] events = {{"a", "i1"}, {"a", "i2"}, {"b", "i1"}, {"b", "i2"}, {"b", "i3"}, {"b", "i1"},
            {"c", "i3"}, {"d", "i1"}};
        for (int event = 0; event < events.length; event++) {
            builder.add(events[event][0], events[event][1], EventType.PURCHASE, 1000L * event, 1f, 1f);
        }
        builder.add(null, "i9", EventType.VIEW, 0L, 1f, Float.NaN);   // anonymous: no item, no customer
        return builder.build();
    }

    private static Model train(ModelProvider provider, Map<String, Object> options) {
        return provider.newTrainer(options, CONTEXT).train(TrainingData.of(LOG));
    }

    private static List<String> ids(List<Recommendation> recommendations) {
        return recommendations.stream().map(Recommendation::itemId).toList();
    }

    private static List<Recommendation> ask(Model model, List<String> history, Set<String> excluded) {
        return model.recommend(new RecommendationQuery("x", history, 10, excluded));
    }

    @Test
    void popularityCountsDistinctCustomersAndBreaksTiesByItemOrder() {
        try (Model model = train(new PopularityModelProvider(), Map.of())) {
            List<Recommendation> top = ask(model, List.of("i3"), Set.of());
            assertThat(ids(top)).containsExactly("i1", "i2", "i3");
            assertThat(top).extracting(Recommendation::score).containsExactly(3.0, 2.0, 2.0);
            assertThat(ids(ask(model, List.of(), Set.of("i1")))).containsExactly("i2", "i3");
        }
    }

    @Test
    void itemKnnPrunesNeighboursPerTargetItem() {
        try (Model model = train(new ItemKnnModelProvider(), Map.of("neighbours", 1))) {
            // N(i1) = {i2}, N(i2) = {i1}, N(i3) = {i2}. History {i2}: i1 gets sim(i2, i1), i3 gets sim(i2, i3).
            List<Recommendation> afterI2 = ask(model, List.of("i2"), Set.of("i2"));
            assertThat(ids(afterI2)).containsExactly("i1", "i3");
            assertThat(afterI2.get(0).score()).isCloseTo(2 / Math.sqrt(6), within(1e-6));
            assertThat(afterI2.get(1).score()).isCloseTo(0.5, within(1e-6));
            // History {i3}: i3 is in nobody's list, so every score is 0 and item order decides.
            assertThat(ask(model, List.of("i3"), Set.of("i3"))).extracting(Recommendation::score)
                    .containsExactly(0.0, 0.0);
        }
        try (Model model = train(new ItemKnnModelProvider(), Map.of("neighbours", 2))) {
            List<Recommendation> afterI3 = ask(model, List.of("i3", "i3"), Set.of("i3"));
            assertThat(ids(afterI3)).containsExactly("i2", "i1");
            assertThat(afterI3.get(1).score()).isCloseTo(1 / Math.sqrt(6), within(1e-6));
        }
    }

    @Test
    void easeMatchesTheClosedForm() {
        double lambda = 0.5;
        double[][] gram = {{3, 2, 1}, {2, 2, 1}, {1, 1, 2}};
        for (int i = 0; i < 3; i++) {
            gram[i][i] += lambda;
        }
        double[][] p = invert(gram);
        try (Model model = train(new EaseModelProvider(), Map.of("lambda", lambda))) {
            List<Recommendation> afterI1 = ask(model, List.of("i1"), Set.of());
            for (Recommendation recommendation : afterI1) {
                int j = Integer.parseInt(recommendation.itemId().substring(1)) - 1;
                double expected = j == 0 ? 0 : -p[0][j] / p[j][j];
                assertThat(recommendation.score()).as(recommendation.itemId()).isCloseTo(expected, within(1e-6));
            }
            assertThat(model.info().hyperparameters()).containsEntry("lambda", lambda);
        }
    }

    /** Gauss-Jordan without pivoting; fine for the small SPD matrix above, and independent of EJML. */
    private static double[][] invert(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n + i] = 1;
        }
        for (int col = 0; col < n; col++) {
            double pivot = m[col][col];
            for (int k = 0; k < 2 * n; k++) {
                m[col][k] /= pivot;
            }
            for (int row = 0; row < n; row++) {
                if (row != col) {
                    double factor = m[row][col];
                    for (int k = 0; k < 2 * n; k++) {
                        m[row][k] -= factor * m[col][k];
                    }
                }
            }
        }
        double[][] inverse = new double[n][];
        for (int i = 0; i < n; i++) {
            inverse[i] = Arrays.copyOfRange(m[i], n, 2 * n);
        }
        return inverse;
    }

    @Test
    void unknownHistoryItemsAreIgnoredAndAColdCustomerGetsPopularity() {
        for (ModelProvider provider : List.of(new ItemKnnModelProvider(), new EaseModelProvider())) {
            try (Model model = train(provider, Map.of())) {
                assertThat(ask(model, List.of("unknown", "i2"), Set.of()))
                        .isEqualTo(ask(model, List.of("i2"), Set.of()));
                assertThat(ids(ask(model, List.of("unknown"), Set.of()))).as(provider.name())
                        .containsExactly("i1", "i2", "i3");
            }
        }
    }

    @Test
    void onlyItemsWithCustomerRowsAreRanked() {
        try (Model model = train(new PopularityModelProvider(), Map.of())) {
            assertThat(ids(ask(model, List.of(), Set.of()))).doesNotContain("i9");
        }
    }

    @Test
    void aClosedModelRefusesToRecommend() {
        Model model = train(new PopularityModelProvider(), Map.of());
        model.close();
        assertThatThrownBy(() -> ask(model, List.of(), Set.of())).isInstanceOf(PredictionException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void invalidOptionsAreConfigurationErrors() {
        assertThatThrownBy(() -> new ItemKnnModelProvider().newTrainer(Map.of("neighbours", 0), CONTEXT))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("neighbours");
        assertThatThrownBy(() -> new EaseModelProvider().newTrainer(Map.of("lambda", -1.0), CONTEXT))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("lambda");
        assertThatThrownBy(() -> new EaseModelProvider().newTrainer(Map.of("lamda", 1.0), CONTEXT))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("lamda");
        assertThatThrownBy(() -> new PopularityModelProvider().newTrainer(Map.of("k", 1), CONTEXT))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'k'");
    }

    @Test
    void corruptPayloadsAreArtifactErrors() {
        MapArtifact saved = new MapArtifact();
        try (Model model = train(new ItemKnnModelProvider(), Map.of())) {
            model.save(saved);
        }
        byte[] good = saved.files.get(ModelPayload.FILE);

        MapArtifact badMagic = new MapArtifact();
        byte[] flipped = good.clone();
        flipped[0] ^= 0x55;
        badMagic.files.put(ModelPayload.FILE, flipped);
        assertThatThrownBy(() -> new ItemKnnModelProvider().load(badMagic, 1, CONTEXT))
                .isInstanceOf(ArtifactException.class).hasMessageContaining("magic");

        MapArtifact trailing = new MapArtifact();
        trailing.files.put(ModelPayload.FILE, Arrays.copyOf(good, good.length + 1));
        assertThatThrownBy(() -> new ItemKnnModelProvider().load(trailing, 1, CONTEXT))
                .isInstanceOf(ArtifactException.class).hasMessageContaining("does not end");

        assertThatThrownBy(() -> new EaseModelProvider().load(saved, 1, CONTEXT))
                .isInstanceOf(ArtifactException.class).hasMessageContaining("'item-knn'");

        assertThatThrownBy(() -> new ItemKnnModelProvider().load(new MapArtifact(), 1, CONTEXT))
                .isInstanceOf(ArtifactException.class).hasMessageContaining(ModelPayload.FILE);
    }
}
