package io.hostreach.campaign.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated OpenAPI document is complete for every public operation, including ones added later: each
 * request body has a schema and an example, each operation a summary, a tag, its scope in the description,
 * and its error answers in the Error schema. Redocly lints the form; this checks what a client needs.
 */
@QuarkusTest
class OpenApiCompletenessTest {

    private static final String PUBLIC = "/v1/public/v1/";
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static JsonNode document;

    /** Fetched once, in the first test (RestAssured knows the test port only once the application runs). */
    private static synchronized JsonNode document() {
        if (document == null) {
            try {
                document = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi").then()
                        .statusCode(200).extract().asString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return document;
    }

    @Test
    void everyRequestBodyHasASchemaAndAnExample() {
        List<String> missing = new ArrayList<>();
        eachPublicOperation((where, operation) -> {
            JsonNode body = operation.path("requestBody");
            if (body.isMissingNode()) {
                return;
            }
            JsonNode content = body.path("content");
            if (content.isEmpty()) {
                missing.add(where + ": request body without content");
            }
            content.fields().forEachRemaining(media -> {
                JsonNode schema = media.getValue().path("schema");
                if (schema.isMissingNode() || (!schema.has("$ref") && !schema.has("type") && !schema.has("properties")
                        && !schema.has("oneOf") && !schema.has("anyOf"))) {
                    missing.add(where + " " + media.getKey() + ": request body without a schema");
                }
                if (!media.getValue().has("example") && media.getValue().path("examples").isEmpty()) {
                    missing.add(where + " " + media.getKey() + ": request body without an example");
                }
            });
        });
        assertEquals(List.of(), missing);
    }

    @Test
    void everyOperationSaysWhatItIsAndWhichScopeItNeeds() {
        List<String> missing = new ArrayList<>();
        eachPublicOperation((where, operation) -> {
            if (operation.path("summary").asText("").isBlank()) {
                missing.add(where + ": no summary");
            }
            if (operation.path("tags").isEmpty()) {
                missing.add(where + ": no tag");
            }
            if (!operation.path("description").asText("").contains("Scope:")) {
                missing.add(where + ": no \"Scope:\" in the description");
            }
        });
        assertEquals(List.of(), missing);
    }

    @Test
    void everyOperationListsItsErrorsInTheErrorSchema() {
        List<String> missing = new ArrayList<>();
        eachPublicOperation((where, operation) -> {
            JsonNode responses = operation.path("responses");
            // Explicitly anonymous operations (security: [{}], the widget intake) have no key to refuse.
            JsonNode security = operation.path("security");
            boolean anonymous = security.size() == 1 && security.get(0).isEmpty();
            for (String code : anonymous ? List.<String>of() : List.of("401", "403", "429")) {
                if (!responses.has(code)) {
                    missing.add(where + ": no " + code);
                }
            }
            if (!responses.fieldNames().hasNext() || noSuccess(responses)) {
                missing.add(where + ": no 2xx answer");
            }
            responses.fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    String ref = response.getValue().path("content").path("application/json").path("schema")
                            .path("$ref").asText();
                    if (!ref.endsWith("/Error")) {
                        missing.add(where + " " + response.getKey() + ": not the Error schema");
                    }
                }
            });
        });
        assertEquals(List.of(), missing);
    }

    @Test
    void theScopeIsTheOneTheKeyNeeds() {
        JsonNode paths = document().path("paths");
        assertTrue(paths.path(PUBLIC + "campaigns").path("get").path("description").asText().contains("`campaigns:read`"));
        assertTrue(paths.path(PUBLIC + "campaigns").path("post").path("description").asText().contains("`campaigns:write`"));
        assertTrue(paths.path(PUBLIC + "leads/{id}/status").path("patch").path("description").asText().contains("`leads:write`"));
        assertTrue(paths.path(PUBLIC + "me").path("get").path("description").asText().contains("any valid key"));
    }

    private static boolean noSuccess(JsonNode responses) {
        for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) responses::fields) {
            if (entry.getKey().startsWith("2")) {
                return false;
            }
        }
        return true;
    }

    /** Calls back with "METHOD path" and the operation, for each public operation. */
    private static void eachPublicOperation(BiConsumer<String, JsonNode> check) {
        document().path("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith(PUBLIC)) {
                return;
            }
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (!operation.isMissingNode()) {
                    check.accept(method.toUpperCase() + " " + path.getKey(), operation);
                }
            }
        });
    }
}
