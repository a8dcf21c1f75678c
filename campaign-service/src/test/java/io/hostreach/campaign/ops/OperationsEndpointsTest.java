package io.hostreach.campaign.ops;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void healthIsUpWithDatabaseAndKafkaChecks() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }

    @Test
    void metricsIncludeTheOutboxGauges() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("hostreach_outbox_pending"))
                .body(containsString("hostreach_outbox_oldest_pending_age_seconds"));
    }

    @Test
    void platformsAnswer503InTheErrorFormatWhenTheCatalogueIsDown() {
        String key = io.hostreach.campaign.support.Api.testKey();
        io.hostreach.campaign.support.Api.as(key).get("/v1/public/v1/platforms").then().statusCode(503)
                .body("statusCode", equalTo(503))
                .body("message", equalTo("The platform catalogue is unavailable; retry shortly"));
        String campaignsOnly = io.hostreach.campaign.support.Api.newKey(
                io.hostreach.campaign.support.Api.newWorkspace().id(), "test", "campaigns:read");
        io.hostreach.campaign.support.Api.as(campaignsOnly).get("/v1/public/v1/platforms/idealista/locations?q=valencia")
                .then().statusCode(403)
                .body("message", equalTo("This API key does not have the required scope: platforms:read"));
    }

    @Test
    void openApiDescribesThePublicApi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/v1/public/v1/campaigns'", notNullValue())
                .body("paths.'/v1/public/v1/campaigns/{id}/status'", notNullValue())
                .body("info.title", equalTo("hostreach public API"));
    }
}
