package io.deeppersona.server;

import static io.deeppersona.server.DeepPersonaServerTest.assertError;
import static io.deeppersona.server.ServerTestSupport.TOKEN;
import static io.deeppersona.server.ServerTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.error.ConfigurationException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Activation, the no-version state, and starting and stopping. */
class ServerLifecycleTest {

    @Test
    void withoutAnActiveVersionHealthAndServingAre503() throws Exception {
        try (ServerTestSupport http = new ServerTestSupport(null)) {
            HttpResponse<String> health = http.send(http.request("/health").GET().build());
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(json(health).get("status").asText()).isEqualTo("DOWN");
            assertThat(json(health).get("error").get("code").asText()).isEqualTo("NO_ACTIVE_VERSION");

            assertError(http.get("/v1/customers/c/recommendations"), 503, "NO_ACTIVE_VERSION");
            assertError(http.get("/v1/customers/c/propensity?campaign=newsletter"), 503, "NO_ACTIVE_VERSION");
            assertThat(json(http.get("/v1/models")).get("activeVersion").isNull()).isTrue();
            assertThat(http.get("/metrics").body()).contains("deeppersona_model_active{version=\"v1\"} 0.0");
        }
    }

    @Test
    void activatesAVersion() throws Exception {
        try (ServerTestSupport http = new ServerTestSupport("v1")) {
            HttpResponse<String> response = http.post("/v1/models/v2/activate", "");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).get("version").asText()).isEqualTo("v2");
            assertThat(json(response).get("active").asBoolean()).isTrue();
            assertThat(json(http.get("/v1/models")).get("activeVersion").asText()).isEqualTo("v2");
            assertThat(json(http.get("/v1/customers/c/recommendations")).get("modelVersion").asText())
                    .isEqualTo("v2");
            assertThat(http.get("/metrics").body()).contains("deeppersona_model_active{version=\"v2\"} 1.0")
                    .contains("deeppersona_model_active{version=\"v1\"} 0.0");
        }
    }

    @Test
    void activationFailuresKeepThePreviousVersion() throws Exception {
        try (ServerTestSupport http = new ServerTestSupport("v1")) {
            assertError(http.post("/v1/models/v9/activate", ""), 404, "VERSION_NOT_FOUND");
            assertError(http.post("/v1/models/" + FakeRecommender.BROKEN_VERSION + "/activate", ""), 503,
                    "DEPLOYMENT_FAILED");
            assertError(http.post("/v1/models/..%2Fetc/activate", ""), 400, "INVALID_REQUEST");

            assertThat(json(http.get("/v1/models")).get("activeVersion").asText()).isEqualTo("v1");
        }
    }

    @Test
    void closeStopsServingReleasesAwaitAndIsIdempotent() throws Exception {
        ServerTestSupport http = new ServerTestSupport("v1");
        CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> {
            try {
                http.server.awaitShutdown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(http.get("/v1/models").statusCode()).isEqualTo(200);

        http.server.close();
        http.server.close();

        waiter.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> http.get("/v1/models")).isInstanceOf(ConnectException.class);
    }

    @Test
    void closeLetsARequestInFlightFinish() throws Exception {
        ServerOptions options = ServerOptions.builder().port(0).token(TOKEN).stopTimeout(Duration.ofSeconds(5))
                .build();
        try (ServerTestSupport http = new ServerTestSupport("v1", options)) {
            CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> {
                try {
                    return http.get("/v1/customers/" + FakeRecommender.SLOW_CUSTOMER + "/recommendations?k=2");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(http.recommender.slowStarted.await(10, TimeUnit.SECONDS)).isTrue();

            http.server.close();

            HttpResponse<String> response = slow.get(10, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).get("items")).hasSize(2);
        }
    }

    @Test
    void closeOnShutdownRegistersAHookThatCloseRemovesAgain() throws Exception {
        try (ServerTestSupport http = new ServerTestSupport("v1")) {
            assertThat(http.server.closeOnShutdown()).isSameAs(http.server);
        }
        // A second close via the (removed) hook would be harmless anyway; here it is simply gone.
    }

    @Test
    void twoServersRunSideBySideWithTheirOwnMetrics() throws Exception {
        try (ServerTestSupport a = new ServerTestSupport("v1"); ServerTestSupport b = new ServerTestSupport("v2")) {
            assertThat(a.server.port()).isNotEqualTo(b.server.port());
            a.get("/v1/models");

            assertThat(b.get("/metrics").body()).doesNotContain("route=\"/v1/models\"");
            assertThat(json(b.get("/v1/models")).get("activeVersion").asText()).isEqualTo("v2");
        }
    }

    @Test
    void aBusyPortIsAConfigurationError() {
        try (ServerTestSupport a = new ServerTestSupport("v1")) {
            ServerOptions clash = ServerOptions.builder().port(a.server.port()).token(TOKEN)
                    .stopTimeout(Duration.ZERO).build();

            assertThatThrownBy(() -> DeepPersonaServer.start(new FakeRecommender("v1"), clash))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("cannot start the HTTP server on 127.0.0.1:" + a.server.port());
        }
    }
}
