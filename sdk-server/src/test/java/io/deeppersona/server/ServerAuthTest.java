package io.deeppersona.server;

import static io.deeppersona.server.DeepPersonaServerTest.assertError;
import static io.deeppersona.server.ServerTestSupport.TOKEN;
import static io.deeppersona.server.ServerTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Bearer-token auth: everything but /health needs the token, compared exactly. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerAuthTest {
    private ServerTestSupport http;

    @BeforeAll
    void start() {
        http = new ServerTestSupport("v1");
    }

    @AfterAll
    void stop() {
        http.close();
    }

    @Test
    void healthNeedsNoToken() throws Exception {
        HttpResponse<String> response = http.send(http.request("/health").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("status").asText()).isEqualTo("UP");
        assertThat(json(response).get("activeVersion").asText()).isEqualTo("v1");
    }

    @Test
    void everyOtherRouteNeedsTheToken() throws Exception {
        for (ApiRoutes.Route route : ApiRoutes.ROUTES) {
            if (!route.authenticated()) {
                continue;
            }
            String path = route.path().replace("{id}", "c-1").replace("{version}", "v1");
            HttpRequest.Builder request = http.request(path);
            HttpRequest withoutToken = route.method().equals("POST")
                    ? request.header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{}")).build()
                    : request.GET().build();

            HttpResponse<String> response = http.send(withoutToken);

            assertError(response, 401, "UNAUTHORIZED");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("Bearer"));
        }
    }

    @Test
    void wrongTokenOrSchemeIs401() throws Exception {
        for (String header : new String[] {"Bearer wrong-token-0123456789", "Bearer " + TOKEN + "x",
                "Basic " + TOKEN, "Bearer", TOKEN}) {
            HttpResponse<String> response = http.send(http.request("/v1/models")
                    .header("Authorization", header).GET().build());
            assertError(response, 401, "UNAUTHORIZED");
        }
        HttpResponse<String> wrong = http.send(http.request("/v1/models")
                .header("Authorization", "Bearer wrong-token-0123456789").GET().build());
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue(
                "Bearer realm=\"deeppersona\", error=\"invalid_token\"");
    }

    @Test
    void schemeIsCaseInsensitive() throws Exception {
        HttpResponse<String> response = http.send(http.request("/v1/models")
                .header("Authorization", "bearer " + TOKEN).GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
    }
}
