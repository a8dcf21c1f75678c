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
    void openApiDescribesThePublicApi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/v1/public/v1/campaigns'", notNullValue())
                .body("paths.'/v1/public/v1/campaigns/{id}/status'", notNullValue())
                .body("info.title", equalTo("hostreach public API"));
    }
}
