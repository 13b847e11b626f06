package io.deeppersona.server;

import static io.deeppersona.server.ServerTestSupport.TOKEN;
import static io.deeppersona.server.ServerTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.deeppersona.api.EventType;
import io.deeppersona.core.serving.RecommendationFilters;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The routes on a real server over loopback, with a fake recommender. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeepPersonaServerTest {
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
    void bindsLoopbackOnAnEphemeralPort() {
        assertThat(http.server.port()).isPositive();
        assertThat(http.server.baseUrl()).isEqualTo("http://127.0.0.1:" + http.server.port());
    }

    @Test
    void recommendsWithDefaults() throws Exception {
        HttpResponse<String> response = http.get("/v1/customers/c-17/recommendations");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        JsonNode body = json(response);
        assertThat(body.get("customerId").asText()).isEqualTo("c-17");
        assertThat(body.get("modelVersion").asText()).isEqualTo("v1");
        assertThat(body.get("source").asText()).isEqualTo("MODEL");
        assertThat(body.get("items")).hasSize(10);
        assertThat(body.get("items").get(0).get("itemId").asText()).isEqualTo("c-17-item-0");
        assertThat(body.get("items").get(0).get("becauseOf").get(0).asText()).isEqualTo("seen-1");
    }

    @Test
    void passesFiltersFromRepeatedAndCommaSeparatedParameters() throws Exception {
        HttpResponse<String> response = http.get("/v1/customers/c-1/recommendations?k=3&excludePurchased=false"
                + "&includeCategory=mugs,lamps&includeCategory=candles&excludeCategory=xmas"
                + "&minPrice=1.5&maxPrice=20&allow=A,B&deny=C&deny=D");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("items")).hasSize(3);
        RecommendationFilters filters = http.recommender.lastFilters.get();
        assertThat(filters.excludePurchased()).isFalse();
        assertThat(filters.includeCategories()).containsExactlyInAnyOrder("mugs", "lamps", "candles");
        assertThat(filters.excludeCategories()).containsExactly("xmas");
        assertThat(filters.minPrice()).isEqualTo(1.5);
        assertThat(filters.maxPrice()).isEqualTo(20.0);
        assertThat(filters.allowItems()).containsExactlyInAnyOrder("A", "B");
        assertThat(filters.denyItems()).containsExactlyInAnyOrder("C", "D");
    }

    @Test
    void decodesEscapedCustomerIds() throws Exception {
        HttpResponse<String> response = http.get("/v1/customers/a%20b%2Fc/recommendations?k=1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("customerId").asText()).isEqualTo("a b/c");
    }

    @Test
    void answersPropensity() throws Exception {
        HttpResponse<String> response = http.get("/v1/customers/c-1/propensity?campaign=newsletter");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("campaign").asText()).isEqualTo("newsletter");
        assertThat(body.get("probability").asDouble()).isEqualTo(0.25);
        assertThat(body.get("knownCustomer").asBoolean()).isTrue();
    }

    @Test
    void unknownCampaignIs404AndMissingCampaignIs400() throws Exception {
        assertError(http.get("/v1/customers/c-1/propensity?campaign=nope"), 404, "CAMPAIGN_NOT_FOUND");
        assertError(http.get("/v1/customers/c-1/propensity"), 400, "INVALID_REQUEST");
    }

    @Test
    void recordsOneEvent() throws Exception {
        int before = http.recommender.recorded.size();
        HttpResponse<String> response = http.post("/v1/events",
                "{\"customerId\":\"single-1\",\"itemId\":\"85123A\",\"type\":\"purchase\","
                        + "\"timestamp\":\"2025-01-31T09:12:00+01:00\",\"quantity\":2,\"value\":5.9}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("recorded").asInt()).isEqualTo(1);
        assertThat(http.recommender.recorded).hasSize(before + 1)
                .anySatisfy(e -> {
                    assertThat(e.customerId()).isEqualTo("single-1");
                    assertThat(e.type()).isEqualTo(EventType.PURCHASE);
                    assertThat(e.timestamp()).hasToString("2025-01-31T08:12:00Z");
                    assertThat(e.quantity()).isEqualTo(2.0);
                    assertThat(e.value()).isEqualTo(5.9);
                });
    }

    @Test
    void recordsABatchAndReportsWhatTheRuntimeRefused() throws Exception {
        HttpResponse<String> response = http.post("/v1/events",
                "[{\"customerId\":\"batch-1\",\"itemId\":\"A\",\"type\":\"view\"},"
                        + "{\"customerId\":\"batch-1\",\"itemId\":\"" + FakeRecommender.REFUSED_ITEM
                        + "\",\"type\":\"view\"},"
                        + "{\"customerId\":\"batch-2\",\"itemId\":\"B\",\"type\":\"Add_To_Cart\"}]");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("recorded").asInt()).isEqualTo(2);
        assertThat(body.get("rejected")).hasSize(1);
        assertThat(body.get("rejected").get(0).get("index").asInt()).isEqualTo(1);
        assertThat(http.recommender.recorded).anySatisfy(e -> {
            assertThat(e.customerId()).isEqualTo("batch-2");
            assertThat(e.type()).isEqualTo(EventType.ADD_TO_CART);
            assertThat(e.quantity()).isEqualTo(1.0);
            assertThat(e.value()).isNaN();
        });
    }

    @Test
    void anInvalidEventFailsTheWholeBatch() throws Exception {
        int before = http.recommender.recorded.size();
        HttpResponse<String> response = http.post("/v1/events",
                "[{\"customerId\":\"x\",\"itemId\":\"A\",\"type\":\"view\"},"
                        + "{\"customerId\":\"x\",\"itemId\":\"A\",\"type\":\"view\",\"timestamp\":\"yesterday\"}]");

        JsonNode error = assertError(response, 400, "INVALID_REQUEST");
        assertThat(error.get("message").asText()).contains("event [1]", "timestamp");
        assertThat(http.recommender.recorded).hasSize(before);
    }

    @Test
    void eventValidationNamesTheProblem() throws Exception {
        assertThat(errorMessage(http.post("/v1/events", "{\"itemId\":\"A\",\"type\":\"view\"}")))
                .contains("missing 'customerId'");
        assertThat(errorMessage(http.post("/v1/events", "{\"customerId\":\"c\",\"itemId\":\"A\",\"type\":\"x y z!\"}")))
                .contains("lower-kebab");
        assertThat(errorMessage(http.post("/v1/events",
                "{\"customerId\":\"c\",\"itemId\":\"A\",\"type\":\"view\",\"colour\":1}")))
                .contains("unknown field 'colour'");
        assertThat(errorMessage(http.post("/v1/events",
                "{\"customerId\":\"" + "c".repeat(129) + "\",\"itemId\":\"A\",\"type\":\"view\"}")))
                .contains("129 characters");
        assertThat(errorMessage(http.post("/v1/events", "[]"))).contains("empty");
        assertThat(errorMessage(http.post("/v1/events", "42"))).contains("JSON event object");
        assertThat(errorMessage(http.post("/v1/events",
                "{\"customerId\":\"c\",\"itemId\":\"A\",\"type\":\"view\",\"quantity\":\"many\"}")))
                .contains("'quantity' must be a finite number");
    }

    @Test
    void malformedJsonIs400() throws Exception {
        JsonNode error = assertError(http.post("/v1/events", "{\"customerId\": "), 400, "MALFORMED_JSON");
        assertThat(error.get("message").asText()).contains("not valid JSON");
    }

    @Test
    void eventsNeedJsonContentType() throws Exception {
        HttpResponse<String> response = http.send(http.request("/v1/events")
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void listsModels() throws Exception {
        HttpResponse<String> response = http.get("/v1/models");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("activeVersion").asText()).isEqualTo("v1");
        assertThat(body.get("versions")).hasSize(3);
        JsonNode first = body.get("versions").get(0);
        assertThat(first.get("version").asText()).isEqualTo("v1");
        assertThat(first.get("active").asBoolean()).isTrue();
        assertThat(first.get("deployedAt").asText()).isEqualTo("2025-01-31T09:12:00Z");
        assertThat(first.get("validationScores").get("ndcg@10").asDouble()).isEqualTo(0.05);
    }

    @Test
    void enforcesCustomerIdAndKLimits() throws Exception {
        assertError(http.get("/v1/customers/" + "c".repeat(129) + "/recommendations"), 400, "INVALID_REQUEST");
        assertThat(http.get("/v1/customers/" + "c".repeat(128) + "/recommendations?k=1").statusCode())
                .isEqualTo(200);
        assertError(http.get("/v1/customers/c/recommendations?k=0"), 400, "INVALID_REQUEST");
        assertError(http.get("/v1/customers/c/recommendations?k=1001"), 400, "INVALID_REQUEST");
        assertError(http.get("/v1/customers/c/recommendations?k=ten"), 400, "INVALID_REQUEST");
        assertThat(json(http.get("/v1/customers/c/recommendations?k=1000")).get("items")).hasSize(1000);
        assertError(http.get("/v1/customers/%20/recommendations"), 400, "INVALID_REQUEST");
        assertError(http.get("/v1/customers/a%01b/recommendations"), 400, "INVALID_REQUEST");
    }

    @Test
    void refusesBadFilterParameters() throws Exception {
        assertThat(errorMessage(http.get("/v1/customers/c/recommendations?exclude_category=x")))
                .contains("unknown query parameter 'exclude_category'");
        assertThat(errorMessage(http.get("/v1/customers/c/recommendations?minPrice=-1"))).contains("minPrice");
        assertThat(errorMessage(http.get("/v1/customers/c/recommendations?minPrice=5&maxPrice=1")))
                .contains("above maxPrice");
        assertThat(errorMessage(http.get("/v1/customers/c/recommendations?excludePurchased=maybe")))
                .contains("true or false");
        assertThat(errorMessage(http.get("/v1/customers/c/recommendations?k=1&k=2"))).contains("2 times");
    }

    @Test
    void oversizedBodyIs413() throws Exception {
        String big = "[" + "{\"customerId\":\"c\",\"itemId\":\"A\",\"type\":\"view\"},".repeat(30_000) + "{}]";
        assertThat(big.length()).isGreaterThan(1024 * 1024);

        assertError(http.post("/v1/events", big), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void hugeBodyAnnouncedWithExpectContinueIs413WithoutBeingSent() throws Exception {
        // A raw socket, so the body is certainly never sent: the answer must come from the headers alone.
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", http.server.port())) {
            socket.setSoTimeout(10_000);
            String request = "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (64L * 1024 * 1024)
                    + "\r\nExpect: 100-continue\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // Read until the error body has arrived (or the server closes), not until a close that may not come.
            StringBuilder response = new StringBuilder();
            byte[] buffer = new byte[4096];
            int read;
            while (!response.toString().contains("}") && (read = socket.getInputStream().read(buffer)) >= 0) {
                response.append(new String(buffer, 0, read, java.nio.charset.StandardCharsets.UTF_8));
            }

            assertThat(response).startsWith("HTTP/1.1 413").contains("PAYLOAD_TOO_LARGE")
                    .doesNotContain("100 Continue");
        }
    }

    @Test
    void oversizedChunkedBodyIs413() throws Exception {
        byte[] big = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        HttpRequest request = http.request("/v1/events").header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
                .build();

        assertError(http.send(request), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void tooManyEventsIs413() throws Exception {
        String event = "{\"customerId\":\"c\",\"itemId\":\"A\",\"type\":\"view\"}";
        String batch = "[" + String.join(",", java.util.Collections.nCopies(10_001, event)) + "]";
        assertThat(batch.length()).isLessThan(1024 * 1024);

        JsonNode error = assertError(http.post("/v1/events", batch), 413, "PAYLOAD_TOO_LARGE");
        assertThat(error.get("message").asText()).contains("10001 events");
    }

    @Test
    void unknownRouteIs404AndWrongMethodIs405() throws Exception {
        assertError(http.get("/v1/nothing-here"), 404, "NOT_FOUND");
        assertError(http.post("/v1/models", "{}"), 405, "METHOD_NOT_ALLOWED");
        assertError(http.get("/v1/events"), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void jettyLevelErrorsAreJsonToo() throws Exception {
        HttpResponse<String> response = http.send(http.request("/v1/models")
                .header("Authorization", "Bearer " + TOKEN).header("X-Huge", "x".repeat(64 * 1024)).GET().build());

        assertThat(response.statusCode()).isEqualTo(431);
        assertThat(response.body()).doesNotContain("<html", "Exception");
        assertThat(json(response).get("error").get("code").asText()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void unexpectedFailureIs500WithoutStackTraceOrInternals() throws Exception {
        HttpResponse<String> response = http.get("/v1/customers/" + FakeRecommender.BOOM_CUSTOMER + "/recommendations");

        JsonNode error = assertError(response, 500, "INTERNAL");
        assertThat(error.get("message").asText()).contains("reference").doesNotContain("exploded");
        assertThat(response.body()).doesNotContain("at io.", "Exception", FakeRecommender.BOOM_CUSTOMER);
    }

    @Test
    void errorsNeverCarryStackTraces() throws Exception {
        for (HttpResponse<String> response : List.of(
                http.post("/v1/events", "{oops"), http.get("/v1/customers/c/recommendations?k=-5"),
                http.get("/nope"), http.post("/v1/models/v9/activate", ""))) {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("application/json"));
            assertThat(json(response).get("error").fieldNames()).toIterable().containsExactlyInAnyOrder(
                    "code", "message");
            assertThat(response.body()).doesNotContain("\tat ", ".java:", "Exception");
        }
    }

    @Test
    void openapiIsServed() throws Exception {
        HttpResponse<String> response = http.get("/openapi.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("openapi").asText()).startsWith("3.");
    }

    @Test
    void metricsCountRequestsByRouteTemplateNotPath() throws Exception {
        http.get("/v1/customers/metric-customer-1/recommendations?k=1");
        http.get("/v1/customers/metric-customer-2/recommendations?k=1");
        http.send(http.request("/v1/customers/metric-customer-3/recommendations").GET().build());

        String metrics = http.get("/metrics").body();

        assertThat(metrics).contains("http_server_requests_seconds_count{method=\"GET\","
                + "route=\"/v1/customers/{id}/recommendations\",status=\"200\"}");
        assertThat(metrics).contains("route=\"/v1/customers/{id}/recommendations\",status=\"401\"");
        assertThat(metrics).doesNotContain("metric-customer");
        assertThat(metrics).contains("deeppersona_model_active{version=\"v1\"} 1.0")
                .contains("deeppersona_model_active{version=\"v2\"} 0.0");
        assertThat(http.get("/metrics").headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("text/plain"));
    }

    @Test
    void metricsCountTheRequestsMade() throws Exception {
        String route = "route=\"/v1/models\",status=\"200\"}";
        double before = counter(http.get("/metrics").body(), route);
        for (int i = 0; i < 5; i++) {
            http.get("/v1/models");
        }
        assertThat(counter(http.get("/metrics").body(), route)).isEqualTo(before + 5);
    }

    private static double counter(String metrics, String labelsSuffix) {
        return metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count{")
                        && l.contains("method=\"GET\"") && l.contains(labelsSuffix))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    static JsonNode assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        JsonNode error = json(response).get("error");
        assertThat(error).as(response.body()).isNotNull();
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
        return error;
    }

    private static String errorMessage(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return json(response).get("error").get("message").asText();
    }

}
