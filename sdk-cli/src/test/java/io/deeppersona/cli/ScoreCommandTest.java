package io.deeppersona.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.deeppersona.core.SdkJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code deeppersona score} on a tiny deployed model into CSV, JSON lines and H2. */
class ScoreCommandTest {
    @TempDir
    static Path shared;
    static Path models;

    @TempDir
    Path dir;

    @BeforeAll
    static void deploy() throws IOException {
        models = CliRun.deployTinyModel(shared);
    }

    @Test
    void scoresEveryKnownCustomerIntoCsv() throws IOException {
        Path csv = dir.resolve("scores.csv");

        CliRun run = CliRun.run("score", "--model-dir", models.toString(), "--k", "3", "--out", csv.toString(),
                "--threads", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Scored 60 customers (180 items, sources {MODEL=60}) with version v0001",
                "into " + csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(61);
        assertThat(lines.get(0)).isEqualTo("customer_id,model_version,scored_at,source,item_1,score_1,reason_1,"
                + "item_2,score_2,reason_2,item_3,score_3,reason_3");
        // Customers come sorted by id; c3 prefers items i30..i39.
        assertThat(lines.get(1)).startsWith("c0,v0001,");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("c3,v0001,").contains(",MODEL,i3"));
    }

    @Test
    void scoresTheListedCustomersIntoJsonLines() throws IOException {
        Path ids = Files.write(dir.resolve("ids.txt"), List.of("c3", "", "  nobody ", "c3", "c10"));
        Path jsonl = dir.resolve("out/scores.jsonl");
        Files.createDirectories(jsonl.getParent());

        CliRun run = CliRun.run("score", "--model-dir", models.toString(), "--k", "2", "--customers",
                ids.toString(), "--out", jsonl.toString(), "--threads", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Scored 3 customers", "Skipped 1 repeated customer ids");
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl)) {
            rows.add(SdkJson.json().readTree(line));
        }
        assertThat(rows).extracting(row -> row.get("customerId").asText()).containsExactly("c3", "nobody", "c10");
        assertThat(rows).extracting(row -> row.get("source").asText())
                .containsExactly("MODEL", "GLOBAL_POPULARITY", "MODEL");
        assertThat(rows.get(0).get("items")).hasSize(2);
        assertThat(rows.get(0).get("modelVersion").asText()).isEqualTo("v0001");
    }

    @Test
    void upsertsIntoADatabaseIdempotently() throws Exception {
        String url = "jdbc:h2:mem:score-cli;DB_CLOSE_DELAY=-1";
        Path password = Files.writeString(dir.resolve("db-password"), "s3cret-pw\n");
        String[] args = {"score", "--model-dir", models.toString(), "--k", "4", "--jdbc-url", url, "--jdbc-user",
            "crm", "--jdbc-password-file", password.toString(), "--table-prefix", "crm_", "--batch-size", "7"};

        CliRun first = CliRun.run(args);
        CliRun second = CliRun.run(args);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(first.out()).contains("Scored 60 customers", "tables crm_recommendations and crm_propensities"
                + " at jdbc:h2:mem:score-cli").doesNotContain("s3cret-pw", "DB_CLOSE_DELAY");
        try (Connection connection = DriverManager.getConnection(url, "crm", "s3cret-pw");
                Statement statement = connection.createStatement()) {
            assertThat(count(statement, "SELECT COUNT(*) FROM crm_recommendations")).isEqualTo(240);
            assertThat(count(statement, "SELECT COUNT(DISTINCT customer_id) FROM crm_recommendations")).isEqualTo(60);
            assertThat(count(statement, "SELECT COUNT(*) FROM crm_recommendations WHERE customer_id = 'c3'"
                    + " AND rank = 1 AND item_id LIKE 'i3%' AND model_version = 'v0001'")).isEqualTo(1);
            assertThat(count(statement, "SELECT COUNT(*) FROM crm_propensities")).isZero();
        }
    }

    /** train's default model is auto, whose components load through the registry: serving it must work too. */
    @Test
    void scoresTheDefaultAutoModel() throws IOException {
        Path autoModels = CliRun.deployTinyModel(Files.createDirectories(dir.resolve("auto")), "auto");
        Path csv = dir.resolve("auto.csv");

        CliRun run = CliRun.run("score", "--model-dir", autoModels.toString(), "--k", "2", "--out", csv.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Scored 60 customers (120 items, sources {MODEL=60}) with version v0001");
    }

    @Test
    void refusesAnUnknownFileFormatAndTwoDestinations() {
        CliRun format = CliRun.run("score", "--model-dir", models.toString(), "--out",
                dir.resolve("scores.parquet").toString());
        CliRun both = CliRun.run("score", "--model-dir", models.toString(), "--out",
                dir.resolve("scores.csv").toString(), "--jdbc-url", "jdbc:h2:mem:x");
        CliRun neither = CliRun.run("score", "--model-dir", models.toString());

        assertThat(format.exitCode()).isEqualTo(DeepPersonaCli.USER_ERROR);
        assertThat(format.err()).contains("scores.parquet has an unknown format", ".csv", ".jsonl");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("Missing required argument");
        assertThat(dir.resolve("scores.parquet")).doesNotExist();
    }

    @Test
    void refusesAFolderWithNothingDeployed() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        CliRun run = CliRun.run("score", "--model-dir", empty.toString(), "--out", dir.resolve("s.csv").toString());

        assertThat(run.exitCode()).isEqualTo(DeepPersonaCli.USER_ERROR);
        assertThat(run.err()).contains("No model version is deployed in " + empty);
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
