package io.deeppersona.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.core.PersonalizationPipeline;
import io.deeppersona.core.PipelineResult;
import io.deeppersona.core.PluginRegistry;
import io.deeppersona.core.deploy.FileSystemDeployer;
import io.deeppersona.core.serving.ServingArtifacts;
import io.deeppersona.core.serving.ServingBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --model-dir}: the load generator serves a deployed model folder in-process and loads its customers. */
class HttpLoadModelDirTest {
    @TempDir
    Path dir;

    @Test
    void servesTheActiveVersionOfAModelFolder() throws Exception {
        Path models = deployPopularity();
        try (HttpLoadBenchmark.Target target = HttpLoadBenchmark.fromModelDir(models)) {
            assertThat(target.customerIds()).hasSize(20).contains("c0", "c19");
            HttpLoadBenchmark.Settings settings = new HttpLoadBenchmark.Settings(
                    "/v1/customers/{id}/recommendations?k=5", target.customerIds(), 50, Duration.ofSeconds(1),
                    Duration.ZERO, 2, 42);

            HttpLoadBenchmark.Result result = HttpLoadBenchmark.run(target, settings);

            assertThat(result.requests()).isEqualTo(50);
            assertThat(result.errors()).as("%s", result.errorsByKind()).isZero();
        }
    }

    @Test
    void refusesAFolderWithNothingDeployed() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertThatThrownBy(() -> HttpLoadBenchmark.fromModelDir(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no deployed version");
    }

    private Path deployPopularity() throws Exception {
        Random random = new Random(3);
        List<String> lines = new ArrayList<>(List.of("cust,sku,day"));
        for (int c = 0; c < 20; c++) {
            for (int e = 0; e < 10; e++) {
                lines.add("c" + c + ",i" + random.nextInt(15) + "," + (1_300_000_000L + random.nextInt(60) * 86_400L));
            }
        }
        Path events = Files.write(dir.resolve("events.csv"), lines);
        PluginRegistry registry = PluginRegistry.discovered(HttpLoadModelDirTest.class.getClassLoader());
        PersonalizationPipeline pipeline = PersonalizationPipeline.builder().registry(registry)
                .dataSource("csv", Map.of("path", events.toString(), "customer", "cust", "item", "sku", "time", "day",
                        "timeFormat", "epoch-seconds"))
                .model("popularity", Map.of()).noEvaluation().build();
        Path models = dir.resolve("models");
        try (PipelineResult result = pipeline.run();
                ServingBundle bundle = ServingBundle.builder().events(result.training()).catalogue(result.catalogue())
                        .build()) {
            ServingArtifacts.deploy(result.primaryModel().model(), bundle,
                    new FileSystemDeployer(models, 0, Clock.systemUTC(), registry::findModel), Map.of(),
                    DefaultProviderContext.create());
        }
        return models;
    }
}
