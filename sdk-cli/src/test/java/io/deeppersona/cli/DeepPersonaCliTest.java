package io.deeppersona.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.deeppersona.core.SdkJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real command line in-process on a small CSV it writes. */
class DeepPersonaCliTest {
    @TempDir
    Path dir;
    Path events;

    /** 60 customers buying from 40 items over 90 days; customers prefer a "taste" block of items. */
    @BeforeEach
    void writeEvents() throws IOException {
        events = CliRun.writeTasteEvents(dir, false);
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = DeepPersonaCli.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private List<String> evaluateArgs(String... extra) {
        List<String> args = new ArrayList<>(List.of("evaluate", "--events", events.toString(), "--delimiter", ";",
                "--customer-col", "cust", "--item-col", "sku", "--time-col", "day", "--time-format", "epoch-seconds"));
        args.addAll(List.of(extra));
        return args;
    }

    @Test
    void evaluateWritesJsonOfTheDocumentedShape() throws IOException {
        Path json = dir.resolve("out.json");
        Run run = run(evaluateArgs("--split", "global", "--test-days", "20", "--k", "5", "--models",
                "popularity,item-knn,ease", "--output-json", json.toString()).toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("ndcg@5").contains("item-knn");
        JsonNode root = SdkJson.json().readTree(json.toFile());
        assertThat(root.fieldNames()).toIterable().containsExactly("protocol", "dataset", "models");
        assertThat(root.get("protocol").get("split").asText()).isEqualTo("global");
        assertThat(root.get("protocol").get("testDays").asInt()).isEqualTo(20);
        assertThat(root.get("dataset").get("customers").asInt()).isEqualTo(60);
        assertThat(root.get("models").fieldNames()).toIterable().containsExactly("popularity", "item-knn", "ease");
        JsonNode ease = root.get("models").get("ease");
        assertThat(ease.fieldNames()).toIterable()
                .containsExactly("users", "hr@5", "recall@5", "ndcg@5", "mrr@5", "trainSeconds");
        assertThat(ease.get("users").asInt()).isPositive();
        // Customers stick to one block of 10 items, so a collaborative model must beat popularity here.
        assertThat(ease.get("ndcg@5").asDouble())
                .isGreaterThan(root.get("models").get("popularity").get("ndcg@5").asDouble());
    }

    @Test
    void modelOptionsReachTheModel() {
        Run bad = run(evaluateArgs("--split", "global", "--test-days", "20", "--models", "ease",
                "--model-option", "ease.lamda=5").toArray(String[]::new));
        Run elsewhere = run(evaluateArgs("--split", "global", "--test-days", "20", "--models", "ease",
                "--model-option", "item-knn.neighbours=5").toArray(String[]::new));
        Run good = run(evaluateArgs("--split", "global", "--test-days", "20", "--models", "ease,item-knn",
                "--model-option", "ease.lambda=5", "--model-option", "item-knn.neighbours=3").toArray(String[]::new));

        assertThat(bad.exitCode()).isEqualTo(DeepPersonaCli.USER_ERROR);
        assertThat(bad.err()).contains("lamda");
        assertThat(elsewhere.exitCode()).isEqualTo(2);
        assertThat(elsewhere.err()).contains("not in --models");
        assertThat(good.exitCode()).as(good.err()).isZero();
    }

    @Test
    void perCustomerSplitNeedsAFraction() {
        Run run = run(evaluateArgs("--split", "per-customer", "--models", "popularity").toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--split per-customer needs --test-fraction F");
    }

    @Test
    void unknownModelListsTheAvailableOnes() {
        Run run = run(evaluateArgs("--split", "per-customer", "--test-fraction", "0.2", "--models", "dl4j-rnn")
                .toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(DeepPersonaCli.USER_ERROR);
        assertThat(run.err()).contains("No ModelProvider named 'dl4j-rnn'").contains("ease").doesNotContain("\tat ");
    }

    @Test
    void badTimeFailsFastNamingFileLineAndField() throws IOException {
        Files.writeString(events, "c1;i1;yesterday\n", java.nio.file.StandardOpenOption.APPEND);

        Run run = run(evaluateArgs("--split", "global", "--test-days", "20", "--models", "popularity")
                .toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(DeepPersonaCli.USER_ERROR);
        assertThat(run.err()).contains("events.csv").contains(":1502").contains("day");
    }

    @Test
    void recommendPrintsTopItemsForOneCustomer() {
        List<String> args = evaluateArgs("--customer", "c3", "--model", "item-knn", "--k", "3");
        args.set(0, "recommend");

        Run run = run(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Top 3 for customer c3 by item-knn");
        // c3's taste is items i30..i39; its unseen favourites come from that block.
        assertThat(run.out().lines().filter(line -> line.matches("^ +\\d\\. i3\\d .*")).count()).isPositive();
    }

    @Test
    void runExecutesAYamlSpec() throws IOException {
        Path spec = Files.writeString(dir.resolve("pipeline.yaml"), """
                dataSource:
                  name: csv
                  options: {path: "%s", delimiter: ";", customer: cust, item: sku, time: day,
                            timeFormat: epoch-seconds}
                preprocessors: [{name: dedupe-events}, {name: min-count, options: {minItemEvents: 2}}]
                models: [{name: ease, options: {lambda: 50}}]
                evaluation: {split: per-customer, testFraction: 0.2}
                """.formatted(events.toString().replace("\\", "/")));

        Run run = run("run", "--spec", spec.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("split:per-customer").contains("min-count (test)").contains("ndcg@10");
    }

    @Test
    void specWithAnUnknownKeyIsRefused() throws IOException {
        Path spec = Files.writeString(dir.resolve("bad.yaml"), "dataSource: {name: csv}\nmodels: [{name: ease}]\nmodelz: []\n");

        Run run = run("run", "--spec", spec.toString());

        assertThat(run.exitCode()).isEqualTo(DeepPersonaCli.USER_ERROR);
        assertThat(run.err()).contains("bad.yaml").contains("at key 'modelz'")
                .contains("Unrecognized field \"modelz\"");
    }

    @Test
    void specWithoutModelsSaysWhatIsMissing() throws IOException {
        Path spec = Files.writeString(dir.resolve("empty.yaml"), "dataSource: {name: csv}\n");

        Run run = run("run", "--spec", spec.toString());

        assertThat(run.exitCode()).isEqualTo(DeepPersonaCli.USER_ERROR);
        assertThat(run.err()).contains("empty.yaml").contains("needs at least one entry under 'models'");
    }
}
