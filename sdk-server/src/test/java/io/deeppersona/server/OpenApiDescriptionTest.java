package io.deeppersona.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.deeppersona.core.SdkJson;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written openapi.json describes exactly the routes the server registers. */
class OpenApiDescriptionTest {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

    private static JsonNode document() throws Exception {
        try (InputStream in = DeepPersonaServer.class.getResourceAsStream("openapi.json")) {
            assertThat(in).as("openapi.json resource").isNotNull();
            return SdkJson.json().readTree(in);
        }
    }

    @Test
    void describesEveryRouteAndNothingElse() throws Exception {
        JsonNode paths = document().get("paths");
        Set<String> described = new HashSet<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            path.getValue().fieldNames().forEachRemaining(
                    method -> described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey()));
        }
        Set<String> registered = new HashSet<>();
        ApiRoutes.ROUTES.forEach(r -> registered.add(r.method() + " " + r.path()));

        assertThat(described).containsExactlyInAnyOrderElementsOf(registered);
    }

    @Test
    void declaresEveryPathParameterAndTheAuthOfEachRoute() throws Exception {
        JsonNode document = document();
        assertThat(document.get("openapi").asText()).startsWith("3.0");
        assertThat(document.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
        for (ApiRoutes.Route route : ApiRoutes.ROUTES) {
            JsonNode operation = document.get("paths").get(route.path()).get(route.method().toLowerCase(Locale.ROOT));
            Matcher m = PATH_PARAM.matcher(route.path());
            while (m.find()) {
                String name = m.group(1);
                boolean declared = false;
                for (JsonNode parameter : operation.path("parameters")) {
                    declared |= parameter.get("in").asText().equals("path") && parameter.get("name").asText()
                            .equals(name);
                }
                assertThat(declared).as(route + " declares path parameter " + name).isTrue();
            }
            boolean open = operation.has("security") && operation.get("security").isEmpty();
            assertThat(open).as(route.path() + " is open exactly when it needs no token").isEqualTo(
                    !route.authenticated());
            if (route.authenticated()) {
                assertThat(operation.at("/responses/401").isMissingNode()).as(route.path() + " documents 401")
                        .isFalse();
            }
        }
    }

    @Test
    void everySchemaReferenceResolves() throws Exception {
        JsonNode document = document();
        Set<String> refs = new HashSet<>();
        collectRefs(document, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(document.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
    }

    @Test
    void documentsTheRecommendationQueryParametersTheServerAccepts() throws Exception {
        JsonNode parameters = document().at("/paths/~1v1~1customers~1{id}~1recommendations/get/parameters");
        Set<String> names = new HashSet<>();
        parameters.forEach(p -> {
            if (p.get("in").asText().equals("query")) {
                names.add(p.get("name").asText());
            }
        });
        assertThat(names).containsExactlyInAnyOrder("k", "excludePurchased", "includeCategory", "excludeCategory",
                "minPrice", "maxPrice", "allow", "deny");
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }
}
