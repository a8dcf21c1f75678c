package io.hostreach.campaign.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Test helpers that drive the real API: workspaces and keys through the admin API, then the public API. */
public final class Api {

    public static final String ADMIN_TOKEN = "test-admin-token";
    public static final String PREFIX = "/v1/public/v1";

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private Api() {
    }

    public record Workspace(String id, String widgetKey) {
    }

    public static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType(ContentType.JSON);
    }

    public static Workspace newWorkspace() {
        var response = admin().body(Map.of("name", "Agency " + UUID.randomUUID(), "timezone", "Europe/Madrid",
                        "country", "ES"))
                .post("/admin/v1/workspaces").then().statusCode(201).extract();
        return new Workspace(response.path("id"), response.path("widgetKey"));
    }

    public static String newKey(String workspaceId, String environment, String... scopes) {
        return newKeyResponse(workspaceId, environment, scopes).extract().path("key");
    }

    public static ValidatableResponse newKeyResponse(String workspaceId, String environment, String... scopes) {
        return admin().body(Map.of("name", "key " + environment, "environment", environment, "scopes", List.of(scopes)))
                .post("/admin/v1/workspaces/" + workspaceId + "/api-keys").then().statusCode(201);
    }

    /** A fresh workspace with a full-access test key. */
    public static String testKey() {
        return newKey(newWorkspace().id(), "test");
    }

    public static RequestSpecification as(String key) {
        return given().header("X-Api-Key", key).contentType(ContentType.JSON);
    }

    public static String createCampaign(String key, Object body) {
        return as(key).body(body).post(PREFIX + "/campaigns").then().statusCode(201).extract().path("id");
    }

    public static ValidatableResponse setStatus(String key, String campaignId, String status) {
        return as(key).body(Map.of("status", status)).patch(PREFIX + "/campaigns/" + campaignId + "/status").then();
    }

    /** A portal campaign that can run: filters with operation and location, extract_only. */
    public static Map<String, Object> runnablePortalCampaign() {
        return Map.of("platform", "idealista", "name", "Valencia rent", "mode", "extract_only",
                "segmentation", Map.of("filters", Map.of("operation", "rent",
                        "location", Map.of("id", "0-EU-ES-46", "label", "Valencia")), "expectedResults", 20));
    }
}
