package io.deeppersona.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.CustomerEvent;
import io.deeppersona.api.StageReport;
import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.api.error.DataSourceException;
import io.deeppersona.api.error.PluginNotFoundException;
import io.deeppersona.core.source.ErrorPolicy;
import io.deeppersona.core.source.InMemoryDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalizationPipelineTest {
    private static final PluginRegistry REGISTRY =
            PluginRegistry.discovered(PersonalizationPipelineTest.class.getClassLoader());
    private static final Instant T0 = Instant.parse("2011-01-01T00:00:00Z");

    /**
     * 40 customers over 60 days. Item "late" is bought 3 times in the first 50 days and 6 times in the last 10,
     * so a min-count of 5 keeps it only if it (wrongly) counts test-period events.
     */
    private static List<CustomerEvent> events() {
        Random random = new Random(11);
        List<CustomerEvent> events = new ArrayList<>();
        for (int c = 0; c < 40; c++) {
            for (int e = 0; e < 12; e++) {
                events.add(CustomerEvent.purchase("c" + c, "i" + (c % 5 * 4 + random.nextInt(4)),
                        T0.plusSeconds(86_400L * random.nextInt(60) + random.nextInt(86_400)), 1, 2.0));
            }
        }
        for (int i = 0; i < 3; i++) {
            events.add(CustomerEvent.purchase("c" + i, "late", T0.plusSeconds(86_400L * (10 + i)), 1, 2.0));
        }
        for (int i = 0; i < 6; i++) {
            events.add(CustomerEvent.purchase("c" + (10 + i), "late", T0.plusSeconds(86_400L * 55 + i), 1, 2.0));
        }
        // An exact repeat, for dedupe to drop before the split.
        events.add(events.get(0));
        return events;
    }

    private static PersonalizationPipeline.Builder minimal() {
        return PersonalizationPipeline.builder()
                .registry(REGISTRY)
                .dataSource(InMemoryDataSource.of("test events", events()))
                .addModel("popularity", Map.of());
    }

    @Test
    void statefulStepsLearnFromTheTrainingSplitOnly() {
        PersonalizationPipeline pipeline = minimal()
                .addPreprocessor("dedupe-events")
                .addPreprocessor("min-count", Map.of("minItemEvents", 5))
                .evaluation(EvaluationProtocol.global(10))
                .build();

        try (PipelineResult result = pipeline.run()) {
            assertThat(result.stages()).extracting(StageReport::stage).containsExactly("read:test events",
                    "dedupe-events", "split:global", "min-count", "min-count (test)", "train:popularity",
                    "evaluate:popularity");
            assertThat(stage(result, "dedupe-events").dropped()).containsEntry("duplicate", 1L);
            assertThat(stage(result, "min-count").dropped()).containsEntry("rare-item", 3L);
            assertThat(stage(result, "min-count (test)").dropped()).containsEntry("rare-item", 6L);
            assertThat(result.training().itemIndex("late")).isNotNegative();
            assertThat(result.model("popularity").users()).isPositive();
        }
    }

    @Test
    void runningTwiceGivesTheSameMetrics() {
        PersonalizationPipeline pipeline = minimal().addModel("item-knn", Map.of("neighbours", 5))
                .evaluation(EvaluationProtocol.perCustomer(0.25)).build();

        try (PipelineResult first = pipeline.run(); PipelineResult second = pipeline.run()) {
            assertThat(second.model("item-knn").metrics()).isEqualTo(first.model("item-knn").metrics());
            assertThat(first.model("item-knn").metrics()).containsKeys("ndcg@10", "hr@10", "recall@10", "mrr@10");
        }
    }

    @Test
    void modelsThatValidateGetTheProtocolsCut() {
        PersonalizationPipeline perCustomer = minimal().addModel("auto", Map.of("candidates", List.of("popularity")))
                .evaluation(EvaluationProtocol.perCustomer(0.25)).build();
        PersonalizationPipeline chosen = minimal().addModel("auto", Map.of("candidates", List.of("popularity"),
                "validationSplit", "global")).evaluation(EvaluationProtocol.perCustomer(0.25)).build();

        assertThat(perCustomer.models().get("auto").options())
                .containsEntry("validationSplit", "per-customer").containsEntry("validationFraction", 0.25);
        assertThat(chosen.models().get("auto").options()).containsEntry("validationSplit", "global")
                .doesNotContainKey("validationFraction");
        assertThat(perCustomer.models().get("popularity").options()).doesNotContainKey("validationSplit");
    }

    @Test
    void withoutEvaluationModelsTrainOnEverything() {
        try (PipelineResult result = minimal().build().run()) {
            assertThat(result.test()).isEmpty();
            assertThat(result.training().size()).isEqualTo(events().size());
            assertThat(result.primaryModel().metrics()).isEmpty();
        }
    }

    @Test
    void toBuilderDerivesAVariantAndLeavesTheOriginalAlone() {
        PersonalizationPipeline base = minimal().build();
        PersonalizationPipeline variant = base.toBuilder().addModel("ease", Map.of("lambda", 10.0)).build();

        try (PipelineResult baseResult = base.run(); PipelineResult variantResult = variant.run()) {
            assertThat(baseResult.models()).containsOnlyKeys("popularity");
            assertThat(variantResult.models()).containsOnlyKeys("popularity", "ease");
        }
    }

    @Test
    void missingPartsFailAtBuildWithTheFix() {
        assertThatThrownBy(() -> PersonalizationPipeline.builder().build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("registry is required");
        assertThatThrownBy(() -> PersonalizationPipeline.builder().registry(REGISTRY).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("data source is required");
        assertThatThrownBy(() -> PersonalizationPipeline.builder().registry(REGISTRY)
                .dataSource(InMemoryDataSource.of("x", List.of())).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("At least one model");
    }

    @Test
    void unknownNamesAndOptionsFailBeforeAnyDataIsRead() {
        assertThatThrownBy(() -> minimal().addModel("dl4j-rnn", Map.of()).build())
                .isInstanceOf(PluginNotFoundException.class).hasMessageContaining("Available: [");
        assertThatThrownBy(() -> minimal().model("ease", Map.of("lamda", 3)).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("lamda");
        assertThatThrownBy(() -> minimal().addPreprocessor("dedupe-events").addPreprocessor("dedupe-events").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("duplicate preprocessor");
        assertThatThrownBy(() -> minimal().addModel("popularity", Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("duplicate model");
        assertThatThrownBy(() -> minimal().quarantineFile(Path.of("q.jsonl")).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("QUARANTINE");
    }

    @Test
    void badRecordsAreQuarantinedWithTheirReasonAndCounted(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("events.csv"), """
                customer,item,timestamp
                c1,i1,2011-01-01T10:00:00Z
                c1,i2,not-a-time
                c2,i1,2011-01-02T10:00:00Z
                """);
        Path quarantine = dir.resolve("quarantine.jsonl");
        PersonalizationPipeline.Builder builder = PersonalizationPipeline.builder().registry(REGISTRY)
                .dataSource("csv", Map.of("path", csv.toString()))
                .addModel("popularity", Map.of());

        assertThatThrownBy(() -> builder.build().run())
                .isInstanceOf(DataSourceException.class)
                .hasMessageContaining("events.csv:3").hasMessageContaining("timestamp");

        try (PipelineResult result = builder.errorPolicy(ErrorPolicy.QUARANTINE).quarantineFile(quarantine).build()
                .run()) {
            StageReport read = result.stages().get(0);
            assertThat(read.rowsIn()).isEqualTo(3);
            assertThat(read.rowsOut()).isEqualTo(2);
            assertThat(read.droppedTotal()).isEqualTo(1);
            assertThat(Files.readString(quarantine)).contains("not-a-time").contains("\"line\":3");
        }
    }

    private static StageReport stage(PipelineResult result, String name) {
        return result.stages().stream().filter(s -> s.stage().equals(name)).findFirst().orElseThrow();
    }
}
