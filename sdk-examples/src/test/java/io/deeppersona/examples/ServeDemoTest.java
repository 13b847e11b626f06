package io.deeppersona.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code bin/demo serve}'s main path with a fast model on a free port, and queries it as the README does. */
class ServeDemoTest {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void trainsDeploysAndServesTheSample(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        try (ServeDemo.Running running = ServeDemo.start(new ServeDemo.Settings(dir, "item-knn", 0, null), out)) {
            ServeDemo.printUsage(running, out);
            String token = Files.readString(running.tokenFile()).strip();
            String base = running.server().baseUrl();
            String path = "/v1/customers/" + running.customer() + "/recommendations?k=5";

            assertThat(running.tokenFile()).isEqualTo(dir.resolve("token"));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(running.tokenFile())))
                    .isEqualTo("rw-------");
            assertThat(send(base + path, null, null).statusCode()).isEqualTo(401);
            HttpResponse<String> answer = send(base + path, token, null);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"source\":\"MODEL\"", "\"modelVersion\":\"v0001\"");
            HttpResponse<String> event = send(base + "/v1/events", token, "{\"customerId\":\"" + running.customer()
                    + "\",\"itemId\":\"85123A\",\"type\":\"VIEW\"}");
            assertThat(event.statusCode()).as(event.body()).isBetween(200, 299);
            assertThat(send(base + "/health", null, null).statusCode()).isEqualTo(200);
            assertThat(send(base + "/metrics", token, null).body()).contains("http_server_requests");
            assertThat(buffer.toString(StandardCharsets.UTF_8))
                    .contains("Deployed v0001 (model item-knn", "curl -H \"Authorization: Bearer $(cat "
                            + running.tokenFile() + ")\" '" + base + path + "'")
                    .doesNotContain(token);
        }
        // A second run deploys a new version and keeps the token, so clients keep working.
        String token = Files.readString(dir.resolve("token"));
        try (ServeDemo.Running again = ServeDemo.start(new ServeDemo.Settings(dir, "popularity", 0, null), out)) {
            assertThat(again.recommender().activeVersion().orElseThrow().version()).isEqualTo("v0002");
            assertThat(Files.readString(again.tokenFile())).isEqualTo(token);
        }
    }

    private HttpResponse<String> send(String url, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
