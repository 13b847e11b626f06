package io.deeppersona.examples;

import static java.util.Objects.requireNonNull;

import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.core.PersonalizationPipeline;
import io.deeppersona.core.PipelineResult;
import io.deeppersona.core.PluginRegistry;
import io.deeppersona.core.deploy.FileSystemDeployer;
import io.deeppersona.core.serving.DeployedRecommender;
import io.deeppersona.core.serving.RecommendationFilters;
import io.deeppersona.core.serving.ScoredItem;
import io.deeppersona.core.serving.ServingArtifacts;
import io.deeppersona.core.serving.ServingBundle;
import io.deeppersona.server.DeepPersonaServer;
import io.deeppersona.server.ServerOptions;
import io.deeppersona.spi.DeployedVersion;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;

/**
 * Serves the demo model: trains it on the embedded Online Retail sample, deploys it as a new version into a model
 * folder, and serves it over HTTP on 127.0.0.1 until Ctrl-C. Prints ready-to-paste {@code curl} commands.
 *
 * <pre>
 * bin/demo serve [--port 8080] [--model auto] [--dir sdk-examples/target/demo-serve] [--token-file FILE]
 * </pre>
 *
 * Without {@code --token-file} the token is {@code DIR/token}, made random (mode 0600) on the first run and kept
 * after that, so the same {@code curl} lines keep working across restarts.
 */
public final class ServeDemo {
    static final String DEFAULT_DIR = "sdk-examples/target/demo-serve";
    static final String DEFAULT_MODEL = "auto";
    static final String SEGMENT_ATTRIBUTE = "Country";

    private ServeDemo() {
    }

    /** Where the demo keeps its files and how it serves. */
    record Settings(Path dir, String model, int port, Path tokenFile) {
        Settings {
            requireNonNull(dir, "dir is null");
            requireNonNull(model, "model is null");
        }

        Path modelDir() {
            return dir.resolve("models");
        }

        Path effectiveTokenFile() {
            return tokenFile != null ? tokenFile : dir.resolve("token");
        }
    }

    /** The running demo: close it to stop the server, then free the models. */
    record Running(DeepPersonaServer server, DeployedRecommender recommender, Path tokenFile, String customer)
            implements AutoCloseable {
        @Override
        public void close() {
            try {
                server.close();
            } finally {
                recommender.close();
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Settings settings = parse(args);
        Running running = start(settings, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "deeppersona-demo-shutdown"));
        printUsage(running, System.out);
        running.server().awaitShutdown();
    }

    /** Trains, deploys and serves; returns once the server listens. */
    static Running start(Settings settings, PrintStream out) {
        Path events = OnlineRetailSample.extractTo(settings.dir());
        PluginRegistry registry = PluginRegistry.discovered(ServeDemo.class.getClassLoader());
        PersonalizationPipeline.Builder builder = PersonalizationPipeline.builder()
                .registry(registry)
                .dataSource("csv", OnlineRetailSample.csvOptions(events))
                .catalogueFromAttribute("Description")
                .model(settings.model(), Map.of())
                .noEvaluation();
        OnlineRetailSample.PREPROCESSORS.forEach(builder::addPreprocessor);
        String customer;
        out.printf("Training %s on the embedded Online Retail sample...%n", settings.model());
        try (PipelineResult result = builder.build().run();
                ServingBundle bundle = ServingBundle.builder().events(result.training())
                        .catalogue(result.catalogue()).segmentAttribute(SEGMENT_ATTRIBUTE).build()) {
            customer = RecommendationDemo.mostActiveCustomers(result.training(), 1).get(0);
            DeployedVersion version = ServingArtifacts.deploy(result.primaryModel().model(), bundle,
                    new FileSystemDeployer(settings.modelDir(), 3, Clock.systemUTC(), registry::findModel),
                    Map.of("dataSource", "csv", "events", "online-retail-sample", "rows", result.training().size()),
                    DefaultProviderContext.create());
            out.printf("Deployed %s (model %s, %d items, %d customers) into %s%n", version.version(),
                    version.provider(), bundle.itemCount(), bundle.customerCount(), settings.modelDir());
        }
        Path tokenFile = settings.tokenFile() != null ? settings.tokenFile()
                : ensureToken(settings.effectiveTokenFile());
        ServerOptions options = ServerOptions.builder().port(settings.port()).tokenFile(tokenFile).build();
        DeployedRecommender recommender = DeployedRecommender.open(settings.modelDir(), registry);
        try {
            return new Running(DeepPersonaServer.start(recommender, options), recommender, tokenFile, customer);
        } catch (RuntimeException e) {
            recommender.close();
            throw e;
        }
    }

    /** Writes a random token (0600) unless the file exists; the token itself is never printed. */
    static Path ensureToken(Path file) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, HexFormat.of().formatHex(random) + "\n", StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException e) {
            // Kept from an earlier run, so clients holding it keep working.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo token file " + file, e);
        }
        return file;
    }

    static void printUsage(Running running, PrintStream out) {
        String base = running.server().baseUrl();
        String auth = "-H \"Authorization: Bearer $(cat " + running.tokenFile() + ")\"";
        out.printf("%nServing on %s (token in %s); Ctrl-C stops. Try:%n", base, running.tokenFile());
        out.printf("  curl %s '%s/v1/customers/%s/recommendations?k=5'%n", auth, base, running.customer());
        String item = running.recommender().recommend(running.customer(), 1, RecommendationFilters.DEFAULT).items()
                .stream().map(ScoredItem::itemId).findFirst().orElse("85123A");
        out.printf("  curl %s -H 'Content-Type: application/json' -d '{\"customerId\":\"%s\",\"itemId\":\"%s\","
                + "\"type\":\"VIEW\"}' %s/v1/events%n", auth, running.customer(), item, base);
        out.printf("  curl %s %s/v1/models%n", auth, base);
        out.printf("  curl %s/health%n", base);
        out.printf("  curl %s %s/metrics%n", auth, base);
    }

    private static Settings parse(String[] args) {
        Path dir = Path.of(DEFAULT_DIR);
        String model = DEFAULT_MODEL;
        int port = ServerOptions.DEFAULT_PORT;
        Path tokenFile = null;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value; usage: bin/demo serve"
                        + " [--port P] [--model NAME] [--dir DIR] [--token-file FILE]");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value);
                case "--model" -> model = value;
                case "--dir" -> dir = Path.of(value);
                case "--token-file" -> tokenFile = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; usage: bin/demo serve"
                        + " [--port P] [--model NAME] [--dir DIR] [--token-file FILE]");
            }
        }
        return new Settings(dir, model, port, tokenFile);
    }
}
