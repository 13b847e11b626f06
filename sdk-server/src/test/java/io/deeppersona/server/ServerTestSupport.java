package io.deeppersona.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.deeppersona.core.SdkJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A real server on 127.0.0.1 and a JDK HttpClient pointed at it. */
final class ServerTestSupport implements AutoCloseable {
    static final String TOKEN = "test-token-0123456789abcdef";

    final FakeRecommender recommender;
    final DeepPersonaServer server;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ServerTestSupport(String activeVersion) {
        this(activeVersion, ServerOptions.builder().port(0).token(TOKEN).stopTimeout(java.time.Duration.ZERO).build());
    }

    ServerTestSupport(String activeVersion, ServerOptions options) {
        recommender = new FakeRecommender(activeVersion);
        server = DeepPersonaServer.start(recommender, options);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(10));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).header("Authorization", "Bearer " + TOKEN).GET().build());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return SdkJson.json().readTree(response.body());
    }

    @Override
    public void close() {
        server.close();
    }
}
