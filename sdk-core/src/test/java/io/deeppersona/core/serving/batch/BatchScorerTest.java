package io.deeppersona.core.serving.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.deeppersona.api.error.PredictionException;
import io.deeppersona.core.SdkJson;
import io.deeppersona.core.serving.RecommendationSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchScorerTest {
    static final Instant NOW = Instant.parse("2025-02-01T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    static List<String> customers(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(i % 10 == 9 ? "new-" + i : "c" + i);
        }
        return ids;
    }

    private static BatchScorer.Builder scorer(FakeRecommender recommender) {
        return BatchScorer.builder().recommender(recommender).k(5).clock(CLOCK);
    }

    private Path runJsonLines(BatchScorer scorer, List<String> ids, String name) {
        Path out = dir.resolve(name);
        try (ScoreSink sink = new JsonLinesScoreSink(out)) {
            scorer.score(ids, sink);
        }
        return out;
    }

    @Test
    void parallelRunsWriteTheSameFileAsASequentialRunInInputOrder() throws IOException {
        FakeRecommender recommender = new FakeRecommender(List.of("spring", "autumn"));
        List<String> ids = customers(300);

        Path sequential = runJsonLines(scorer(recommender).threads(1).build(), ids, "one.jsonl");
        Path parallel = runJsonLines(scorer(recommender).threads(4).build(), ids, "four.jsonl");

        assertThat(recommender.maxConcurrentCalls()).as("calls really overlapped").isGreaterThan(1);
        assertThat(Files.readString(parallel)).isEqualTo(Files.readString(sequential));
        try (Stream<String> lines = Files.lines(parallel)) {
            assertThat(lines.map(BatchScorerTest::customerOf)).containsExactlyElementsOf(ids);
        }
    }

    @Test
    void jsonLinesHoldItemsBestFirstAndPropensities() throws IOException {
        FakeRecommender recommender = new FakeRecommender(List.of("spring"))
                .fixItems("c1", List.of("a", "b"));

        Path out = runJsonLines(scorer(recommender).build(), List.of("c1", "new-2"), "scores.jsonl");

        List<String> lines = Files.readAllLines(out);
        JsonNode first = SdkJson.json().readTree(lines.get(0));
        assertThat(lines).hasSize(2);
        assertThat(first.get("customerId").asText()).isEqualTo("c1");
        assertThat(first.get("modelVersion").asText()).isEqualTo("v0001");
        assertThat(first.get("scoredAt").asText()).isEqualTo("2025-02-01T08:00:00Z");
        assertThat(first.get("source").asText()).isEqualTo("MODEL");
        assertThat(first.get("items")).extracting(item -> item.get("itemId").asText()).containsExactly("a", "b");
        assertThat(first.get("items").get(0).get("reason").asText()).startsWith("bought with");
        assertThat(first.get("propensities").get("spring").asDouble()).isBetween(0.0, 1.0);
        assertThat(SdkJson.json().readTree(lines.get(1)).get("source").asText()).isEqualTo("GLOBAL_POPULARITY");
    }

    @Test
    void csvHasOneRowPerCustomerWithEmptyColumnsForMissingItems() throws IOException {
        FakeRecommender recommender = new FakeRecommender(List.of("spring", "autumn"))
                .fixItems("c1", List.of("a", "b"));
        Path out = dir.resolve("scores.csv");

        try (ScoreSink sink = new CsvScoreSink(out)) {
            scorer(recommender).k(3).build().score(List.of("c1", "c2"), sink);
        }

        List<List<String>> rows = readCsv(out);
        assertThat(rows.get(0)).containsExactly("customer_id", "model_version", "scored_at", "source",
                "item_1", "score_1", "reason_1", "item_2", "score_2", "reason_2", "item_3", "score_3", "reason_3",
                "propensity_autumn", "propensity_spring");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).hasSize(15).startsWith("c1", "v0001", "2025-02-01T08:00:00Z", "MODEL", "a", "1.0");
        assertThat(rows.get(1).subList(10, 13)).containsOnly("");
        assertThat(rows.get(2).get(10)).isNotEmpty();
        assertThat(Double.parseDouble(rows.get(2).get(14))).isBetween(0.0, 1.0);
    }

    @Test
    void csvQuotesValuesWithCommasAndQuotes() throws IOException {
        FakeRecommender recommender = new FakeRecommender(List.of())
                .fixItems("c1", List.of("mug, \"large\""));
        Path out = dir.resolve("quoted.csv");

        try (ScoreSink sink = new CsvScoreSink(out)) {
            scorer(recommender).k(1).build().score(List.of("c1"), sink);
        }

        assertThat(readCsv(out).get(1).get(4)).isEqualTo("mug, \"large\"");
    }

    @Test
    void repeatedIdsAreScoredOnceAtTheirFirstPosition() throws IOException {
        FakeRecommender recommender = new FakeRecommender(List.of("spring"));

        Path out = dir.resolve("dedup.jsonl");
        BatchScoringReport report;
        try (ScoreSink sink = new JsonLinesScoreSink(out)) {
            report = scorer(recommender).threads(2).build().score(List.of("c1", "c2", "c1", "new-3", "c2"), sink);
        }

        assertThat(Files.readAllLines(out)).extracting(BatchScorerTest::customerOf)
                .containsExactly("c1", "c2", "new-3");
        assertThat(report.customers()).isEqualTo(3);
        assertThat(report.duplicatesSkipped()).isEqualTo(2);
        assertThat(report.items()).isEqualTo(15);
        assertThat(report.bySource()).isEqualTo(Map.of(RecommendationSource.MODEL, 2,
                RecommendationSource.GLOBAL_POPULARITY, 1));
        assertThat(report.modelVersions()).containsExactly("v0001");
    }

    @Test
    void campaignsDefaultToTheRecommendersAndCanBeNarrowed() throws IOException {
        FakeRecommender recommender = new FakeRecommender(List.of("spring", "autumn", "winter"));

        Path all = runJsonLines(scorer(recommender).build(), List.of("c1"), "all.jsonl");
        Path one = runJsonLines(scorer(recommender).campaigns(List.of("winter")).build(), List.of("c1"), "one.jsonl");

        assertThat(propensityNames(all)).containsExactly("autumn", "spring", "winter");
        assertThat(propensityNames(one)).containsExactly("winter");
    }

    @Test
    void aFailedRunNamesThePositionNotTheIdAndPublishesNoFile() throws IOException {
        FakeRecommender recommender = new FakeRecommender(List.of("spring")).failFor("c-secret-42");
        Path out = dir.resolve("scores.csv");
        Files.writeString(out, "previous export\n");
        List<String> ids = new ArrayList<>(customers(60));
        ids.set(41, "c-secret-42");

        for (int threads : new int[] {1, 3}) {
            try (ScoreSink sink = new CsvScoreSink(out)) {
                assertThatThrownBy(() -> scorer(recommender).threads(threads).build().score(ids, sink))
                        .isInstanceOf(PredictionException.class)
                        .hasMessageContaining("customer #42 of 60")
                        .hasMessageContaining("failed on purpose")
                        .hasMessageNotContaining("c-secret-42");
            }
        }

        assertThat(Files.readString(out)).as("the previous file is untouched").isEqualTo("previous export\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").containsExactly(out);
        }
    }

    @Test
    void aFinishedRunReplacesThePreviousFile() throws IOException {
        Path out = dir.resolve("scores.jsonl");
        Files.writeString(out, "old\n");

        runJsonLines(scorer(new FakeRecommender(List.of())).build(), List.of("c1", "c2"), "scores.jsonl");

        assertThat(Files.readAllLines(out)).hasSize(2).noneMatch(line -> line.equals("old"));
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> BatchScorer.builder().k(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
        assertThatThrownBy(() -> BatchScorer.builder().threads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads");
        assertThatThrownBy(() -> BatchScorer.builder().campaigns(List.of(" ")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BatchScorer.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("recommender");
        BatchScorer scorer = scorer(new FakeRecommender(List.of())).build();
        assertThatThrownBy(() -> scorer.score(java.util.Arrays.asList("c1", null), new JsonLinesScoreSink(
                dir.resolve("x.jsonl")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("#2 is null");
    }

    private static String customerOf(String line) {
        try {
            return SdkJson.json().readTree(line).get("customerId").asText();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> propensityNames(Path jsonl) throws IOException {
        List<String> names = new ArrayList<>();
        SdkJson.json().readTree(Files.readAllLines(jsonl).get(0)).get("propensities").fieldNames()
                .forEachRemaining(names::add);
        return names;
    }

    static List<List<String>> readCsv(Path csv) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(csv.toFile())) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }
}
