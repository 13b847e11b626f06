package io.deeppersona.cli;

import io.deeppersona.core.serving.DeployedRecommender;
import io.deeppersona.core.serving.ServingOptions;
import io.deeppersona.server.DeepPersonaServer;
import io.deeppersona.server.ServerOptions;
import io.deeppersona.spi.DeployedVersion;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code deeppersona serve}: serves the active version of a model folder over HTTP until Ctrl-C or SIGTERM, which
 * let requests in flight finish, then free the models.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the active model version of a model folder over HTTP (bearer-token auth).")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model-dir", required = true, paramLabel = "DIR",
            description = "The model folder that 'deeppersona train' deployed into.")
    Path modelDir;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "P",
            description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = ServerOptions.DEFAULT_HOST, paramLabel = "HOST",
            description = "Address to bind (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--token-file", required = true, paramLabel = "FILE",
            description = "File holding the bearer token clients must send, on one line; e.g. "
                    + "'openssl rand -hex 32 > token && chmod 600 token'.")
    Path tokenFile;

    @Option(names = "--poll-seconds", defaultValue = "10", paramLabel = "S",
            description = "How often to look for a version activated in the folder by another process, e.g. a new "
                    + "'deeppersona train', and swap to it without a failed call; 0 = never (default: ${DEFAULT-VALUE}).")
    int pollSeconds;

    @Option(names = "--warm-up-calls", defaultValue = "10000", paramLabel = "N",
            description = "Recommendations a newly loaded version answers for its own customers before it serves"
                    + " (at most 5 s), so the first requests do not wait for the JIT; a version that fails them is"
                    + " not served; 0 = off (default: ${DEFAULT-VALUE}).")
    int warmUpCalls;

    /** Counted down once the server listens; lets tests (and embedders) find the port and stop it. */
    final CountDownLatch started = new CountDownLatch(1);
    private volatile DeepPersonaServer server;

    @Override
    public Integer call() throws InterruptedException {
        requireNonNegative("--poll-seconds", pollSeconds);
        requireNonNegative("--warm-up-calls", warmUpCalls);
        // The token is read first: a bad token file should fail before the models are loaded.
        ServerOptions options = ServerOptions.builder().host(host).port(port).tokenFile(tokenFile).build();
        DeployedRecommender recommender = ModelDirectory.open(modelDir,
                ServingOptions.defaults().withWarmUpCalls(warmUpCalls));
        DeepPersonaServer running;
        try {
            running = DeepPersonaServer.start(recommender, options);
        } catch (RuntimeException e) {
            recommender.close();
            throw e;
        }
        Thread hook = new Thread(() -> stop(running, recommender), "deeppersona-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        server = running;
        PrintWriter out = spec.commandLine().getOut();
        DeployedVersion version = recommender.activeVersion().orElseThrow();
        out.printf("Serving %s (model %s) on %s; Ctrl-C stops%n", version.version(), version.provider(),
                running.baseUrl());
        out.flush();
        ScheduledExecutorService poller = pollSeconds == 0 ? null : VersionPoller.start(recommender, pollSeconds);
        started.countDown();
        running.awaitShutdown();
        if (poller != null) {
            poller.shutdownNow();
        }
        // Here after stop() from another thread, or while the hook closes everything on Ctrl-C/SIGTERM.
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down and the hook is running; both closes below are idempotent.
        }
        stop(running, recommender);
        out.println("Stopped");
        out.flush();
        return 0;
    }

    /** Returns the base URL once {@link #started}; null before. */
    String baseUrl() {
        DeepPersonaServer running = server;
        return running == null ? null : running.baseUrl();
    }

    /** Stops a running {@code serve} as Ctrl-C would; for tests and embedders. */
    void stop() {
        DeepPersonaServer running = server;
        if (running != null) {
            running.close();
        }
    }

    /** The server first, so requests in flight finish on models that are still open. */
    private static void stop(DeepPersonaServer server, DeployedRecommender recommender) {
        try {
            server.close();
        } finally {
            recommender.close();
        }
    }

    private void requireNonNegative(String flag, int value) {
        if (value < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), flag + " must be >= 0, got " + value);
        }
    }
}
