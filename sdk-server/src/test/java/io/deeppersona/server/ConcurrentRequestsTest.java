package io.deeppersona.server;

import static io.deeppersona.server.ServerTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many clients at once: every answer belongs to its own request, and none fails. */
class ConcurrentRequestsTest {
    private static final int THREADS = 8;
    private static final int REQUESTS_PER_THREAD = 50;

    @Test
    void concurrentRecommendationsAndEventsAllSucceedWithTheirOwnAnswers() throws Exception {
        try (ServerTestSupport http = new ServerTestSupport("v1")) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    results.add(pool.submit(() -> {
                        int ok = 0;
                        for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                            String customer = "t" + thread + "-c" + i;
                            int k = 1 + (i % 7);
                            HttpResponse<String> response =
                                    http.get("/v1/customers/" + customer + "/recommendations?k=" + k);
                            JsonNode body = json(response);
                            assertThat(response.statusCode()).isEqualTo(200);
                            assertThat(body.get("customerId").asText()).isEqualTo(customer);
                            assertThat(body.get("items")).hasSize(k);
                            assertThat(body.get("items").get(0).get("itemId").asText())
                                    .isEqualTo(customer + "-item-0");
                            HttpResponse<String> event = http.post("/v1/events", "{\"customerId\":\"" + customer
                                    + "\",\"itemId\":\"A\",\"type\":\"view\"}");
                            assertThat(event.statusCode()).isEqualTo(200);
                            ok++;
                        }
                        return ok;
                    }));
                }
                int total = 0;
                for (Future<Integer> result : results) {
                    total += result.get(60, TimeUnit.SECONDS);
                }
                assertThat(total).isEqualTo(THREADS * REQUESTS_PER_THREAD);
                assertThat(http.recommender.recorded).hasSize(THREADS * REQUESTS_PER_THREAD);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
