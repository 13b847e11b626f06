package io.deeppersona.core.serving.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.api.error.DataSourceException;
import io.deeppersona.api.error.PredictionException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JDBC sink's behaviour, run once per database by a subclass that supplies a connection to an empty schema.
 */
abstract class JdbcScoreSinkContract {
    private static final Clock CLOCK = BatchScorerTest.CLOCK;
    private static final Clock LATER = Clock.fixed(Instant.parse("2025-03-01T08:00:00Z"), ZoneOffset.UTC);

    protected Connection connection;

    /** Returns a connection whose default schema is empty; closed after the test. */
    protected abstract Connection openEmptySchema() throws SQLException;

    /** Returns the name of a second, empty schema, for schema-qualified table names. */
    protected abstract String createOtherSchema() throws SQLException;

    /** Drops what {@link #openEmptySchema} made, if anything outlives the connection. */
    protected void dropSchemas() throws SQLException {
    }

    @BeforeEach
    void connect() throws SQLException {
        connection = openEmptySchema();
    }

    @AfterEach
    void disconnect() throws SQLException {
        if (connection != null) {
            try {
                dropSchemas();
            } finally {
                connection.close();
            }
        }
    }

    private BatchScoringReport run(FakeRecommender recommender, int k, Clock clock, List<String> ids,
            JdbcScoreSink.Builder sink) {
        try (JdbcScoreSink built = sink.build()) {
            return BatchScorer.builder().recommender(recommender).k(k).clock(clock).threads(2).build()
                    .score(ids, built);
        }
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(result.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private List<String> recommendations() throws SQLException {
        return rows("SELECT customer_id, rank, item_id, score, reason, model_version FROM dp_recommendations"
                + " ORDER BY customer_id, rank");
    }

    private List<String> propensities() throws SQLException {
        return rows("SELECT customer_id, campaign, probability, model_version FROM dp_propensities"
                + " ORDER BY customer_id, campaign");
    }

    private List<String> customersIn(String table) throws SQLException {
        return rows("SELECT DISTINCT customer_id FROM " + table + " ORDER BY customer_id");
    }

    @Test
    void writesEveryRankAndCampaignAndARerunLeavesTheSameRows() throws SQLException {
        FakeRecommender recommender = new FakeRecommender(List.of("spring", "autumn"));
        List<String> ids = BatchScorerTest.customers(25);

        run(recommender, 4, CLOCK, ids, JdbcScoreSink.builder(connection).batchSize(7));
        List<String> first = recommendations();
        List<String> firstPropensities = propensities();
        run(recommender, 4, CLOCK, ids, JdbcScoreSink.builder(connection).batchSize(7));

        assertThat(first).hasSize(25 * 4);
        assertThat(firstPropensities).hasSize(25 * 2);
        assertThat(recommendations()).isEqualTo(first);
        assertThat(propensities()).isEqualTo(firstPropensities);
        assertThat(rows("SELECT COUNT(*) FROM dp_recommendations WHERE scored_at = TIMESTAMP WITH TIME ZONE"
                + " '2025-02-01 08:00:00+00'")).containsExactly("100");
    }

    @Test
    void aCustomerTwiceInOneBatchKeepsTheLaterScoresAndTimesKeepTheirMicroseconds() throws SQLException {
        Instant first = Instant.parse("2025-02-01T08:00:00.123456Z");
        Instant second = Instant.parse("2025-02-01T08:00:01.654321Z");
        try (JdbcScoreSink sink = JdbcScoreSink.builder(connection).batchSize(10).build()) {
            sink.begin(new ScoreLayout(2, List.of("spring")));
            sink.write(customer("c1", first, List.of("a", "b"), 0.25));
            sink.write(customer("c2", first, List.of("c"), 0.5));
            sink.write(customer("c1", second, List.of("d"), 0.75));
            sink.finish();
        }

        assertThat(recommendations()).containsExactly("c1|1|d|0.5|because|v1", "c2|1|c|0.5|because|v1");
        assertThat(propensities()).containsExactly("c1|spring|0.75|v1", "c2|spring|0.5|v1");
        assertThat(rows("SELECT customer_id FROM dp_recommendations WHERE scored_at = TIMESTAMP WITH TIME ZONE"
                + " '2025-02-01 08:00:01.654321+00'")).containsExactly("c1");
    }

    private static ScoredCustomer customer(String id, Instant at, List<String> items, double propensity) {
        return new ScoredCustomer(id, "v1", at, io.deeppersona.core.serving.RecommendationSource.MODEL,
                items.stream().map(item -> new io.deeppersona.core.serving.ScoredItem(item, 0.5, "because",
                        List.of())).toList(), java.util.Map.of("spring", propensity));
    }

    @Test
    void aRerunReplacesValuesAndDropsStaleRanksAndCampaigns() throws SQLException {
        List<String> ids = List.of("c1", "c2", "c3");
        run(new FakeRecommender(List.of("spring", "autumn")), 5, CLOCK, ids, JdbcScoreSink.builder(connection));
        FakeRecommender newer = new FakeRecommender(List.of("spring")).fixItems("c2", List.of("only"));
        newer.activate("v0002");

        run(newer, 3, LATER, ids, JdbcScoreSink.builder(connection).batchSize(2));

        assertThat(rows("SELECT customer_id, COUNT(*), MIN(model_version), MAX(model_version) FROM"
                + " dp_recommendations GROUP BY customer_id ORDER BY customer_id"))
                .containsExactly("c1|3|v0002|v0002", "c2|1|v0002|v0002", "c3|3|v0002|v0002");
        assertThat(rows("SELECT item_id FROM dp_recommendations WHERE customer_id = 'c2'")).containsExactly("only");
        assertThat(rows("SELECT customer_id, campaign, model_version FROM dp_propensities ORDER BY customer_id"))
                .containsExactly("c1|spring|v0002", "c2|spring|v0002", "c3|spring|v0002");
    }

    @Test
    void aDatabaseFailureMidBatchRollsBackThatBatchOnly() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // Created ahead with a rule the sink cannot know about, to fail one row inside a batch.
            statement.execute("CREATE TABLE dp_recommendations (customer_id VARCHAR NOT NULL, rank INTEGER NOT NULL,"
                    + " item_id VARCHAR NOT NULL CHECK (item_id <> 'poison'), score DOUBLE PRECISION NOT NULL,"
                    + " reason VARCHAR NOT NULL, model_version VARCHAR NOT NULL,"
                    + " scored_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (customer_id, rank))");
        }
        List<String> ids = List.of("c01", "c02", "c03", "c04", "c05", "c06", "c07", "c08", "c09", "c10");
        FakeRecommender recommender = new FakeRecommender(List.of("spring"))
                .fixItems("c08", List.of("fine", "poison", "fine-too"));

        assertThatThrownBy(() -> run(recommender, 3, CLOCK, ids, JdbcScoreSink.builder(connection).batchSize(3)))
                .isInstanceOf(DataSourceException.class)
                .hasMessageContaining("batch 3 (customers #7 to #9)")
                .hasMessageContaining("the 6 customers before it are committed");

        List<String> committed = List.of("c01", "c02", "c03", "c04", "c05", "c06");
        assertThat(customersIn("dp_recommendations")).containsExactlyElementsOf(committed);
        assertThat(customersIn("dp_propensities")).containsExactlyElementsOf(committed);
        assertThat(rows("SELECT COUNT(*) FROM dp_recommendations")).containsExactly("18");
    }

    @Test
    void aScoringFailureLeavesWholeBatchesAndARerunCompletesTheJob() throws SQLException {
        List<String> ids = BatchScorerTest.customers(10);
        FakeRecommender failing = new FakeRecommender(List.of("spring")).failFor(ids.get(7));

        assertThatThrownBy(() -> run(failing, 2, CLOCK, ids, JdbcScoreSink.builder(connection).batchSize(3)))
                .isInstanceOf(PredictionException.class)
                .hasMessageContaining("#8 of 10");
        assertThat(customersIn("dp_recommendations")).containsExactlyInAnyOrderElementsOf(ids.subList(0, 6));

        run(new FakeRecommender(List.of("spring")), 2, CLOCK, ids, JdbcScoreSink.builder(connection).batchSize(3));
        assertThat(customersIn("dp_recommendations")).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(rows("SELECT COUNT(*) FROM dp_recommendations")).containsExactly("20");
    }

    @Test
    void theConnectionIsLeftOpenWithItsAutoCommitRestored() throws SQLException {
        connection.setAutoCommit(true);

        run(new FakeRecommender(List.of()), 1, CLOCK, List.of("c1"), JdbcScoreSink.builder(connection));

        assertThat(connection.isClosed()).isFalse();
        assertThat(connection.getAutoCommit()).isTrue();
        assertThat(customersIn("dp_recommendations")).containsExactly("c1");
        assertThat(propensities()).isEmpty();
    }

    @Test
    void customAndSchemaQualifiedTableNamesAreUsed() throws SQLException {
        String schema = createOtherSchema();

        run(new FakeRecommender(List.of("spring")), 2, CLOCK, List.of("c1", "c2"), JdbcScoreSink.builder(connection)
                .recommendationsTable(schema + ".crm_recs").propensitiesTable("crm_props"));

        assertThat(rows("SELECT COUNT(*) FROM " + schema + ".crm_recs")).containsExactly("4");
        assertThat(rows("SELECT COUNT(*) FROM crm_props")).containsExactly("2");
    }

    @Test
    void unsafeTableNamesAreRefusedBeforeAnySql() {
        JdbcScoreSink.Builder builder = JdbcScoreSink.builder(connection);
        for (String bad : List.of("dp; DROP TABLE customers", "1table", "a.b.c", "", "dp_recs--", "\"quoted\"",
                "x".repeat(64))) {
            assertThatThrownBy(() -> builder.recommendationsTable(bad))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("recommendationsTable")
                    .hasMessageContaining("got '" + bad + "'");
        }
        assertThatThrownBy(() -> builder.propensitiesTable(null)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> JdbcScoreSink.builder(connection).propensitiesTable("DP_RECOMMENDATIONS").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("must differ");
        assertThatThrownBy(() -> builder.batchSize(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
