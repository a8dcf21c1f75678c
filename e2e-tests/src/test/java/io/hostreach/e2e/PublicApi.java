package io.hostreach.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** The public and admin APIs of the started campaign-service. */
final class PublicApi {

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private PublicApi() {
    }

    static String newWorkspace(Stack stack) {
        return given().baseUri(stack.campaigns.baseUrl()).header("Authorization", "Bearer " + Stack.ADMIN_TOKEN)
                .contentType(ContentType.JSON).body(Map.of("name", "e2e " + UUID.randomUUID(), "country", "ES"))
                .post("/admin/v1/workspaces").then().statusCode(201).extract().path("id");
    }

    static String newKey(Stack stack, String workspaceId, String environment) {
        return given().baseUri(stack.campaigns.baseUrl()).header("Authorization", "Bearer " + Stack.ADMIN_TOKEN)
                .contentType(ContentType.JSON).body(Map.of("name", "e2e", "environment", environment, "scopes", List.of()))
                .post("/admin/v1/workspaces/" + workspaceId + "/api-keys").then().statusCode(201).extract().path("key");
    }

    static String newTestKey(Stack stack) {
        return newKey(stack, newWorkspace(stack), "test");
    }

    /** The public API without a key (the widget intake). */
    static RequestSpecification anonymous(Stack stack) {
        return given().baseUri(stack.campaigns.baseUrl()).basePath("/v1/public/v1").contentType(ContentType.JSON);
    }

    static RequestSpecification as(Stack stack, String key) {
        return given().baseUri(stack.campaigns.baseUrl()).basePath("/v1/public/v1").header("X-Api-Key", key)
                .contentType(ContentType.JSON);
    }
}
