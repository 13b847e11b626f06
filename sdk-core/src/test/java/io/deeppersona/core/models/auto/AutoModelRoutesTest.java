package io.deeppersona.core.models.auto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventLogBuilder;
import io.deeppersona.api.EventType;
import io.deeppersona.api.ModelInfo;
import io.deeppersona.api.Recommendation;
import io.deeppersona.api.RecommendationQuery;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.core.eventlog.ColumnarEventLog;
import io.deeppersona.core.models.EaseModelProvider;
import io.deeppersona.core.models.ItemKnnModelProvider;
import io.deeppersona.core.models.PopularityModelProvider;
import io.deeppersona.core.serving.WrappedModel;
import io.deeppersona.spi.Model;
import io.deeppersona.spi.ModelProvider;
import io.deeppersona.spi.TrainingData;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The blend by item index (what serving uses) answers exactly as the blend by item id. */
class AutoModelRoutesTest {
    private static final long DAY = 86_400_000L;

    /** 80 customers over 40 items for 20 days; the last days bring 5 new items, so a recent window has fewer. */
    private static EventLog events(int fromDay) {
        EventLogBuilder builder = ColumnarEventLog.builder();
        Random random = new Random(11);
        for (int customer = 0; customer < 80; customer++) {
            for (int day = 0; day < 20; day++) {
                int item = day >= 15 ? random.nextInt(45) : random.nextInt(40);
                if (day >= fromDay && random.nextDouble() < 0.6) {
                    builder.add("c" + customer, "i" + item, EventType.PURCHASE, day * DAY + customer, 1f, 1f);
                }
            }
        }
        return builder.build();
    }

    private static Model train(ModelProvider provider, EventLog events) {
        return provider.newTrainer(Map.of(), DefaultProviderContext.create()).train(TrainingData.of(events));
    }

    private static List<Component> components(boolean indexed) {
        List<Component> components = new ArrayList<>();
        components.add(component("recent-ease", train(new EaseModelProvider(), events(12)), 0.5, indexed));
        components.add(component("recent-popularity", train(new PopularityModelProvider(), events(16)), 0.3, indexed));
        components.add(component("item-knn", train(new ItemKnnModelProvider(), events(0)), 0.2, indexed));
        return components;
    }

    private static Component component(String name, Model model, double weight, boolean indexed) {
        // Hiding the indices makes the auto model blend the answers by id.
        return new Component(name, model.info().provider(), indexed ? model : WrappedModel.hiding(model), weight,
                true);
    }

    @Test
    void theIndexedBlendEqualsTheBlendById() {
        Random random = new Random(3);
        for (Normalisation normalisation : Normalisation.values()) {
            try (AutoModel indexed = new AutoModel(info(), components(true), normalisation, 25);
                    AutoModel byId = new AutoModel(info(), components(false), normalisation, 25)) {
                assertThat(indexed.indexedItems()).hasSize(45);
                assertThat(byId.indexedItems()).isEmpty();
                for (int query = 0; query < 200; query++) {
                    RecommendationQuery q = randomQuery(random);
                    List<Recommendation> expected = byId.recommend(q);
                    assertThat(indexed.recommend(q)).as("query %s", q).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void rankIndexedAnswersInTheModelsOwnItemSpace() {
        try (AutoModel model = new AutoModel(info(), components(true), Normalisation.MIN_MAX, 25)) {
            List<String> items = model.indexedItems();
            RecommendationQuery query = new RecommendationQuery("c1", List.of("i3", "i7", "i41"), 10,
                    Set.of("i5"));
            BitSet history = new BitSet();
            query.history().forEach(id -> history.set(items.indexOf(id)));
            BitSet excluded = new BitSet();
            excluded.set(items.indexOf("i5"));

            assertThat(model.rankIndexed(history.stream().toArray(), excluded, 10).toRecommendations(items))
                    .isEqualTo(model.recommend(query)).hasSize(10)
                    .extracting(Recommendation::itemId).doesNotContain("i5");
        }
    }

    @Test
    void aModelWithComponentsWithoutIndicesRefusesTheIndexedRoute() {
        try (AutoModel model = new AutoModel(info(), components(false), Normalisation.RANK, 25)) {
            assertThatThrownBy(() -> model.rankIndexed(new int[0], new BitSet(), 5))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    private static RecommendationQuery randomQuery(Random random) {
        List<String> history = new ArrayList<>();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            // Unknown items and repeats, as real histories have.
            history.add(random.nextInt(10) == 0 ? "unknown" + i : "i" + random.nextInt(45));
        }
        Set<String> excluded = new HashSet<>();
        if (random.nextBoolean()) {
            excluded.addAll(history);
        }
        excluded.add("i" + random.nextInt(45));
        return new RecommendationQuery("c" + random.nextInt(80), history, 1 + random.nextInt(30), excluded);
    }

    private static ModelInfo info() {
        return new ModelInfo(AutoModelProvider.NAME, 1, Map.of(), Map.of());
    }
}
