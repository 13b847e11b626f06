package io.deeppersona.cli;

import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.api.error.DataSourceException;
import io.deeppersona.core.serving.DeployedRecommender;
import io.deeppersona.core.serving.ServingOptions;
import io.deeppersona.core.serving.batch.BatchScorer;
import io.deeppersona.core.serving.batch.BatchScoringReport;
import io.deeppersona.core.serving.batch.CsvScoreSink;
import io.deeppersona.core.serving.batch.JdbcScoreSink;
import io.deeppersona.core.serving.batch.JsonLinesScoreSink;
import io.deeppersona.core.serving.batch.ScoreSink;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code deeppersona score}: scores customers (top-K items and every campaign's propensity) with the active version
 * of a model folder, into a CSV or JSON-lines file or, idempotently and one transaction per batch, a database.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score customers with the active model version: top-K items and propensities, into a file "
                + "(.csv, .jsonl) or database tables (JDBC upsert).")
final class ScoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model-dir", required = true, paramLabel = "DIR",
            description = "The model folder that 'deeppersona train' deployed into.")
    Path modelDir;

    @Option(names = "--k", defaultValue = "10", paramLabel = "K",
            description = "Items per customer (default: ${DEFAULT-VALUE}).")
    int k;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Destination destination;

    @Option(names = "--customers", paramLabel = "FILE",
            description = "Customer ids to score, one a line (default: every customer the active version knows).")
    Path customers;

    @Option(names = "--threads", paramLabel = "N",
            description = "Scoring threads (default: the number of processors).")
    Integer threads;

    /** Exactly one of a file and a database. */
    static final class Destination {
        @Option(names = "--out", required = true, paramLabel = "FILE",
                description = "Output file: .csv (one row per customer) or .jsonl (one JSON object per line); "
                        + "replaced only when every customer is scored.")
        Path out;

        @ArgGroup(exclusive = false)
        Jdbc jdbc;
    }

    /** Where and how to write scores into a database. */
    static final class Jdbc {
        @Option(names = "--jdbc-url", required = true, paramLabel = "URL",
                description = "Database to upsert into, e.g. jdbc:postgresql://localhost/crm (PostgreSQL, H2).")
        String url;

        @Option(names = "--jdbc-user", paramLabel = "USER", description = "Database user.")
        String user;

        @Option(names = "--jdbc-password-file", paramLabel = "FILE",
                description = "File holding the database password on one line (never a flag: flags show in ps).")
        Path passwordFile;

        @Option(names = "--table-prefix", defaultValue = "dp_", paramLabel = "PREFIX",
                description = "Prefix of the tables PREFIXrecommendations and PREFIXpropensities, optionally "
                        + "schema-qualified, e.g. crm.dp_ (default: ${DEFAULT-VALUE}).")
        String tablePrefix = "dp_";

        @Option(names = "--batch-size", defaultValue = "500", paramLabel = "N",
                description = "Customers per transaction (default: ${DEFAULT-VALUE}).")
        int batchSize = 500;
    }

    @Override
    public Integer call() {
        if (k < 1 || k > DeployedRecommender.MAX_K) {
            throw new ConfigurationException("--k must be in [1, " + DeployedRecommender.MAX_K + "], got " + k);
        }
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (threadCount < 1 || threadCount > 256) {
            throw new ConfigurationException("--threads must be in [1, 256], got " + threadCount);
        }
        PrintWriter out = spec.commandLine().getOut();
        // No warm-up: scoring every customer warms the JIT as it goes.
        try (DeployedRecommender recommender = ModelDirectory.open(modelDir,
                ServingOptions.defaults().withWarmUpCalls(0))) {
            List<String> ids = customers != null ? readCustomers(customers) : recommender.knownCustomers();
            if (ids.isEmpty()) {
                throw new ConfigurationException("No customers to score: " + (customers != null
                        ? "--customers " + customers + " holds no ids" : "the active version knows none"));
            }
            BatchScorer scorer = BatchScorer.builder().recommender(recommender).k(k).threads(threadCount).build();
            BatchScoringReport report;
            String where;
            if (destination.out != null) {
                try (ScoreSink sink = fileSink(destination.out)) {
                    report = scorer.score(ids, sink);
                }
                where = destination.out.toString();
            } else {
                Jdbc jdbc = destination.jdbc;
                try (Connection connection = connect(jdbc);
                        ScoreSink sink = JdbcScoreSink.builder(connection)
                                .recommendationsTable(jdbc.tablePrefix + "recommendations")
                                .propensitiesTable(jdbc.tablePrefix + "propensities")
                                .batchSize(jdbc.batchSize).build()) {
                    report = scorer.score(ids, sink);
                } catch (SQLException e) {
                    throw new DataSourceException("Cannot close the connection to " + withoutQuery(jdbc.url) + ": "
                            + e.getMessage(), e);
                }
                where = "tables " + jdbc.tablePrefix + "recommendations and " + jdbc.tablePrefix + "propensities at "
                        + withoutQuery(jdbc.url);
            }
            out.printf(Locale.ROOT, "Scored %d customers (%d items, sources %s) with version %s in %d ms"
                    + " (%.0f customers/s) into %s%n", report.customers(), report.items(), report.bySource(),
                    String.join(",", report.modelVersions()), report.elapsed().toMillis(),
                    report.customersPerSecond(), where);
            if (report.duplicatesSkipped() > 0) {
                out.printf("Skipped %d repeated customer ids%n", report.duplicatesSkipped());
            }
        }
        out.flush();
        return 0;
    }

    private static ScoreSink fileSink(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return new CsvScoreSink(file);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return new JsonLinesScoreSink(file);
        }
        throw new ConfigurationException("--out " + file + " has an unknown format; expected a name ending in .csv"
                + " or .jsonl");
    }

    private static Connection connect(Jdbc jdbc) {
        Properties properties = new Properties();
        if (jdbc.user != null) {
            properties.setProperty("user", jdbc.user);
        }
        if (jdbc.passwordFile != null) {
            properties.setProperty("password", readOneLine(jdbc.passwordFile, "--jdbc-password-file"));
        }
        try {
            return DriverManager.getConnection(jdbc.url, properties);
        } catch (SQLException e) {
            throw new DataSourceException("Cannot connect to " + withoutQuery(jdbc.url) + ": " + e.getMessage()
                    + " (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** URL parameters may carry a password; messages show the URL without them. */
    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        int h2Options = url.startsWith("jdbc:h2:") ? url.indexOf(';') : -1;
        int cut = query < 0 ? h2Options : h2Options < 0 ? query : Math.min(query, h2Options);
        return cut < 0 ? url : url.substring(0, cut);
    }

    private static List<String> readCustomers(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new DataSourceException("Cannot read --customers " + file + ": " + e, e);
        }
    }

    private static String readOneLine(Path file, String option) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read " + option + " " + file + ": " + e, e);
        }
        if (text.isEmpty() || text.lines().count() > 1) {
            throw new ConfigurationException(option + " " + file + " must hold exactly one line, the password");
        }
        return text;
    }
}
