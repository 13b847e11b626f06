package io.deeppersona.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.EventLog;
import io.deeppersona.api.RecommendationQuery;
import io.deeppersona.api.error.TrainingException;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.core.eventlog.ColumnarEventLog;
import io.deeppersona.spi.Model;
import io.deeppersona.spi.ProviderContext;
import io.deeppersona.spi.TrainingData;
import io.deeppersona.spi.TrainingListener;
import io.deeppersona.testkit.SyntheticEvents;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Determinism, early stopping on validation, and resuming a killed training from its checkpoint. */
@Tag("dl4j")
class CaserCnnTrainingTest {
    private static final EventLog EVENTS = SyntheticEvents.purchases(ColumnarEventLog.builder(), 60, 30, 10, 3);

    private static List<List<io.deeppersona.api.Recommendation>> answers(Model model) {
        List<List<io.deeppersona.api.Recommendation>> answers = new ArrayList<>();
        for (int customer = 0; customer < 10; customer++) {
            List<String> history = new ArrayList<>();
            int index = EVENTS.customerIndex("c" + customer);
            for (int row = EVENTS.customerRowsStart(index); row < EVENTS.customerRowsEnd(index); row++) {
                history.add(EVENTS.itemId(EVENTS.item(row)));
            }
            answers.add(model.recommend(RecommendationQuery.of("c" + customer, history, 5)));
        }
        return answers;
    }

    private static Model train(Map<String, Object> options, TrainingListener listener) {
        return train(options, listener, EVENTS);
    }

    private static Model train(Map<String, Object> options, TrainingListener listener, EventLog events) {
        ProviderContext base = DefaultProviderContext.create();
        ProviderContext context = new ProviderContext() {
            @Override public <T> T bindOptions(Map<String, Object> o, Class<T> type) { return base.bindOptions(o, type); }
            @Override public java.time.Clock clock() { return base.clock(); }
            @Override public String sdkVersion() { return base.sdkVersion(); }
            @Override public io.deeppersona.api.EventLogBuilder newEventLogBuilder() { return base.newEventLogBuilder(); }
            @Override public Optional<byte[]> secret(String name) { return base.secret(name); }
            @Override public TrainingListener trainingListener() { return listener; }
        };
        return new CaserCnnModelProvider().newTrainer(options, context).train(TrainingData.of(events));
    }

    @Test
    void sameSeedGivesTheSameRecommendations() {
        try (Model first = train(CaserTestOptions.tiny(), TrainingListener.NONE);
                Model second = train(CaserTestOptions.tiny(), TrainingListener.NONE)) {
            assertThat(answers(second)).isEqualTo(answers(first));
        }
    }

    /** A listener that adds each epoch's validation scores to {@code epochs} (empty for unvalidated epochs). */
    private static TrainingListener validationsInto(List<Map<String, Double>> epochs) {
        return new TrainingListener() {
            @Override public void onEpochEnd(String model, int epoch, double loss, Map<String, Double> validation) {
                epochs.add(validation);
            }
        };
    }

    /** Daily purchases, so that the last days can validate. */
    private static EventLog dailyEvents() {
        io.deeppersona.api.EventLogBuilder builder = ColumnarEventLog.builder();
        java.util.Random random = new java.util.Random(11);
        for (int customer = 0; customer < 40; customer++) {
            for (int day = 0; day < 10; day++) {
                int item = (customer % 4) * 5 + random.nextInt(5);
                builder.add("c" + customer, "i" + item, io.deeppersona.api.EventType.PURCHASE,
                        1_700_000_000_000L + day * 86_400_000L + customer * 60_000L, 1f, 1f);
            }
        }
        return builder.build();
    }

    @Test
    void validationScoresEveryEpochAndIsRecorded() {
        Map<String, Object> options = new HashMap<>(CaserTestOptions.tiny());
        options.put("validationDays", 3);
        options.put("maxEpochs", 3);
        options.put("patience", 1);
        List<Map<String, Double>> epochs = new ArrayList<>();
        try (Model model = train(options, validationsInto(epochs), dailyEvents())) {
            assertThat(epochs).isNotEmpty().first().satisfies(v -> assertThat(v).containsKey("ndcg@10"));
            assertThat(model.info().validationScores()).containsKeys("ndcg@10", "epochs");
            // refit is the default: after the validated epochs, the best epoch count again on all the data.
            int refitEpochs = model.info().validationScores().get("epochs").intValue();
            assertThat(epochs.subList(epochs.size() - refitEpochs, epochs.size())).allSatisfy(v -> assertThat(v).isEmpty());
        }
    }

    @Test
    void validatesOnEachCustomersLastEventsWhenAsked() {
        Map<String, Object> options = new HashMap<>(CaserTestOptions.tiny());
        options.put("validationSplit", "per-customer");
        options.put("validationFraction", 0.3);
        options.put("refit", false);
        List<Map<String, Double>> epochs = new ArrayList<>();
        try (Model model = train(options, validationsInto(epochs), dailyEvents())) {
            // validationDays is 0 in the tiny options: only the per-customer cut can have validated.
            assertThat(epochs).isNotEmpty().allSatisfy(v -> assertThat(v).containsKey("ndcg@10"));
            assertThat(model.info().validationScores()).containsKeys("ndcg@10", "epochs");
            assertThat(model.info().hyperparameters()).containsEntry("validationSplit", "per-customer")
                    .containsEntry("validationFraction", 0.3);
        }
    }

    @Test
    void anUnknownValidationSplitIsRefusedNamingTheOption() {
        Map<String, Object> options = new HashMap<>(CaserTestOptions.tiny());
        options.put("validationSplit", "random");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> train(options, TrainingListener.NONE))
                .hasMessageContaining("'validationSplit' must be 'global' or 'per-customer'");
    }

    @Test
    void withoutRefitTheValidatedNetworkIsTheModel() {
        Map<String, Object> options = new HashMap<>(CaserTestOptions.tiny());
        options.put("validationDays", 3);
        options.put("maxEpochs", 2);
        options.put("refit", false);
        List<Map<String, Double>> epochs = new ArrayList<>();
        try (Model model = train(options, validationsInto(epochs), dailyEvents())) {
            assertThat(epochs).hasSize(2).allSatisfy(v -> assertThat(v).containsKey("ndcg@10"));
        }
    }

    @Test
    void killedTrainingResumesFromItsLastCheckpoint(@TempDir Path dir) {
        Map<String, Object> options = new HashMap<>(CaserTestOptions.tiny());
        options.put("maxEpochs", 3);
        List<List<io.deeppersona.api.Recommendation>> uninterrupted;
        try (Model model = train(options, TrainingListener.NONE)) {
            uninterrupted = answers(model);
        }
        options.put("checkpointDir", dir.toString());
        TrainingListener killer = new TrainingListener() {
            @Override public void onEpochEnd(String model, int epoch, double loss, Map<String, Double> validation) {
                if (epoch == 2) {
                    throw new IllegalStateException("killed after epoch 2");
                }
            }
        };
        assertThatThrownBy(() -> train(options, killer)).isInstanceOf(TrainingException.class);
        List<Integer> resumedEpochs = new ArrayList<>();
        TrainingListener recorder = new TrainingListener() {
            @Override public void onEpochEnd(String model, int epoch, double loss, Map<String, Double> validation) {
                resumedEpochs.add(epoch);
            }
        };
        try (Model resumed = train(options, recorder)) {
            assertThat(resumedEpochs).containsExactly(3);
            assertThat(answers(resumed)).isEqualTo(uninterrupted);
        }
    }
}
