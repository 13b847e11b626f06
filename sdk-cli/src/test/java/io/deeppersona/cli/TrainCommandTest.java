package io.deeppersona.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.deeppersona.core.PluginRegistry;
import io.deeppersona.core.serving.DeployedRecommender;
import io.deeppersona.core.serving.PropensityResponse;
import io.deeppersona.core.serving.RecommendationFilters;
import io.deeppersona.core.serving.RecommendationResponse;
import io.deeppersona.core.serving.RecommendationSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code deeppersona train} in-process and serves what it deployed. */
class TrainCommandTest {
    @TempDir
    Path dir;

    private Path writeEvents() throws IOException {
        return CliRun.writeTasteEvents(dir, true);
    }

    private String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = DeepPersonaCli.run(args);
        } finally {
            System.setOut(old);
        }
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void trainDeploysAServableVersionEachTime() throws IOException {
        Path events = writeEvents();
        Path models = dir.resolve("models");
        String[] args = {"train", "--events", events.toString(), "--delimiter", ";", "--customer-col", "cust",
            "--item-col", "sku", "--time-col", "day", "--time-format", "epoch-seconds", "--attribute-cols",
            "country", "--segment-attribute", "country", "--models", "item-knn", "--model-dir", models.toString()};

        assertThat(run(args)).contains("Deployed v0001 (model item-knn, 40 items, 60 customers)");
        assertThat(run(args)).contains("Deployed v0002");

        try (DeployedRecommender recommender = DeployedRecommender.open(models,
                PluginRegistry.discovered(TrainCommandTest.class.getClassLoader()))) {
            assertThat(recommender.activeVersion().orElseThrow().version()).isEqualTo("v0002");
            RecommendationResponse known = recommender.recommend("c3", 3, RecommendationFilters.DEFAULT);
            assertThat(known.source()).isEqualTo(RecommendationSource.MODEL);
            // c3 bought nearly all of its taste block i30..i39; the one left comes first, explained by the rest.
            assertThat(known.items()).hasSize(3);
            assertThat(known.items().get(0).itemId()).startsWith("i3");
            assertThat(known.items().get(0).becauseOf()).isNotEmpty();
            assertThat(recommender.recommend("nobody", 3, RecommendationFilters.DEFAULT).source())
                    .isEqualTo(RecommendationSource.GLOBAL_POPULARITY);
        }
    }

    @Test
    void campaignsAreTrainedDeployedAndScored() throws IOException {
        // Odd customers stop buying after day 50, so "buys in the last 30 days" has both outcomes.
        Random random = new Random(11);
        List<String> lines = new ArrayList<>(List.of("cust;sku;day"));
        for (int c = 0; c < 60; c++) {
            for (int e = 0; e < 20; e++) {
                int day = c % 2 == 0 ? random.nextInt(90) : random.nextInt(50);
                lines.add("c" + c + ";i" + (c % 4 * 10 + random.nextInt(10)) + ";" + (1_300_000_000L + day * 86_400L));
            }
        }
        Path events = Files.write(dir.resolve("campaign-events.csv"), lines);
        Path models = dir.resolve("models");

        run("train", "--events", events.toString(), "--delimiter", ";", "--customer-col", "cust", "--item-col", "sku",
                "--time-col", "day", "--time-format", "epoch-seconds", "--models", "popularity",
                "--campaign", "buy-soon=logistic-regression:30", "--model-dir", models.toString());

        try (DeployedRecommender recommender = DeployedRecommender.open(models,
                PluginRegistry.discovered(TrainCommandTest.class.getClassLoader()))) {
            assertThat(recommender.campaigns()).containsExactly("buy-soon");
            PropensityResponse known = recommender.propensity("c3", "buy-soon");
            assertThat(known.knownCustomer()).isTrue();
            assertThat(known.probability()).isBetween(0.0, 1.0);
            assertThat(recommender.propensity("nobody", "buy-soon").knownCustomer()).isFalse();
        }
    }

    @Test
    void aMalformedCampaignIsRefusedWithTheExpectedForm() throws IOException {
        Path events = writeEvents();
        int code = DeepPersonaCli.run("train", "--events", events.toString(), "--delimiter", ";", "--customer-col",
                "cust", "--item-col", "sku", "--time-col", "day", "--time-format", "epoch-seconds", "--models",
                "popularity", "--campaign", "Buy Soon", "--model-dir", dir.resolve("m").toString());
        assertThat(code).isNotZero();
        assertThat(Files.exists(dir.resolve("m").resolve("ACTIVE"))).isFalse();
    }
}
