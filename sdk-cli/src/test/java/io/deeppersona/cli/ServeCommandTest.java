package io.deeppersona.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs a real {@code deeppersona serve} on a free port, queries it over HTTP and stops it. */
class ServeCommandTest {
    @TempDir
    static Path dir;
    static Path models;
    static Path token;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void deploy() throws IOException {
        models = CliRun.deployTinyModel(dir);
        token = CliRun.writeToken(dir);
    }

    @Test
    void servesTheActiveVersionToTokenHoldersOnlyAndStops() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine commandLine = DeepPersonaCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        ServeCommand serve = commandLine.getSubcommands().get("serve").getCommand();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute("serve",
                "--model-dir", models.toString(), "--port", "0", "--token-file", token.toString()));
        awaitStart(serve, exit);
        String base = serve.baseUrl();
        try {
            assertThat(get(base + "/v1/customers/c3/recommendations?k=3", null).statusCode()).isEqualTo(401);
            assertThat(get(base + "/v1/customers/c3/recommendations?k=3", "wrong-token-0123456789")
                    .statusCode()).isEqualTo(401);
            assertThat(get(base + "/health", null).statusCode()).isEqualTo(200);

            HttpResponse<String> known = get(base + "/v1/customers/c3/recommendations?k=3", CliRun.TOKEN);
            assertThat(known.statusCode()).isEqualTo(200);
            assertThat(known.body()).contains("\"modelVersion\":\"v0001\"", "\"source\":\"MODEL\"", "\"itemId\":\"i3");
            HttpResponse<String> versions = get(base + "/v1/models", CliRun.TOKEN);
            assertThat(versions.statusCode()).isEqualTo(200);
            assertThat(versions.body()).contains("v0001", "item-knn");
        } finally {
            serve.stop();
        }
        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString())
                .contains("Serving v0001 (model item-knn) on " + base, "Stopped")
                .doesNotContain(CliRun.TOKEN);
    }

    @Test
    void followsAVersionAnotherProcessActivates() throws Exception {
        Path own = Files.createDirectories(dir.resolve("followed"));
        Path folder = CliRun.deployTinyModel(own, "item-knn");
        CommandLine commandLine = DeepPersonaCli.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        ServeCommand serve = commandLine.getSubcommands().get("serve").getCommand();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute("serve",
                "--model-dir", folder.toString(), "--port", "0", "--token-file", token.toString(),
                "--poll-seconds", "1"));
        awaitStart(serve, exit);
        String base = serve.baseUrl();
        try {
            assertThat(get(base + "/v1/models", CliRun.TOKEN).body()).contains("\"activeVersion\":\"v0001\"");
            CliRun.deployTinyModel(own, "popularity");  // a second train into the same folder: v0002 is active
            String models = "";
            for (int attempt = 0; attempt < 100 && !models.contains("\"activeVersion\":\"v0002\""); attempt++) {
                Thread.sleep(100);
                models = get(base + "/v1/models", CliRun.TOKEN).body();
            }
            assertThat(models).contains("\"activeVersion\":\"v0002\"");
            assertThat(get(base + "/v1/customers/c3/recommendations?k=3", CliRun.TOKEN).body())
                    .contains("\"modelVersion\":\"v0002\"");
        } finally {
            serve.stop();
        }
        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void refusesAFolderWithNothingDeployed() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        CliRun run = CliRun.run("serve", "--model-dir", empty.toString(), "--port", "0", "--token-file",
                token.toString());

        assertThat(run.exitCode()).isEqualTo(DeepPersonaCli.USER_ERROR);
        assertThat(run.err()).contains("No model version is deployed in " + empty, "deeppersona train");
    }

    @Test
    void refusesAMissingFolderOrTokenFile() {
        CliRun noFolder = CliRun.run("serve", "--model-dir", dir.resolve("absent").toString(), "--port", "0",
                "--token-file", token.toString());
        CliRun noToken = CliRun.run("serve", "--model-dir", models.toString(), "--port", "0", "--token-file",
                dir.resolve("absent-token").toString());

        assertThat(noFolder.exitCode()).isEqualTo(DeepPersonaCli.USER_ERROR);
        assertThat(noFolder.err()).contains("is not a folder");
        assertThat(noToken.exitCode()).isEqualTo(DeepPersonaCli.USER_ERROR);
        assertThat(noToken.err()).contains("token file", "does not exist");
    }

    /** SIGTERM (what Ctrl-C and service managers send) runs the shutdown hook: the server stops cleanly. */
    @Test
    void stopsCleanlyOnSigterm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Output goes to a file: destroy() closes the pipes, so what the hook prints would be lost.
        Path log = dir.resolve("serve-sigterm.log");
        Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                DeepPersonaCli.class.getName(), "serve", "--model-dir", models.toString(), "--port", "0",
                "--token-file", token.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Pattern serving = Pattern.compile("Serving v0001 \\(model item-knn\\) on (http://\\S+);");
            String base = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (base == null && process.isAlive() && System.nanoTime() < deadline) {
                Matcher matcher = serving.matcher(Files.readString(log));
                if (matcher.find()) {
                    base = matcher.group(1);
                } else {
                    Thread.sleep(100);
                }
            }
            assertThat(base).as("serve's output: %s", Files.readString(log)).isNotNull();
            assertThat(get(base + "/v1/customers/c3/recommendations?k=2", CliRun.TOKEN).statusCode())
                    .isEqualTo(200);

            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("serve stopped on SIGTERM").isTrue();
        } finally {
            process.destroyForcibly();
        }
        // 143 = 128 + SIGTERM: the JVM exits through its shutdown hooks, not by a crash or a kill -9.
        assertThat(process.exitValue()).isEqualTo(143);
        assertThat(Files.readString(log)).contains("HTTP server stopped").doesNotContain(CliRun.TOKEN);
    }

    private static void awaitStart(ServeCommand serve, CompletableFuture<Integer> exit) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!serve.started.await(100, TimeUnit.MILLISECONDS)) {
            if (exit.isDone()) {
                throw new AssertionError("serve exited with " + exit.get() + " before it started");
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("serve did not start within 60 s");
            }
        }
    }

    private HttpResponse<String> get(String url, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
