package io.hostreach.e2e;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** A status change made through the public API reaches both workers' projections, over the real broker. */
class CampaignStatusFlowIT {

    private static Stack stack;
    private static String key;

    @BeforeAll
    static void stack() {
        stack = Stack.get();
        key = PublicApi.newTestKey(stack);
    }

    @Test
    void runningAndPausedReachBothWorkers() {
        String id = PublicApi.as(stack, key).body(Map.of("platform", "widget", "contactMode", "whatsapp-no-api",
                        "settings", Map.of("sequence", List.of(Map.of("text", "Hola, gracias por escribirnos")))))
                .post("/campaigns").then().statusCode(201).extract().path("id");

        PublicApi.as(stack, key).body(Map.of("status", "running")).patch("/campaigns/" + id + "/status")
                .then().statusCode(200);
        awaitStatus(id, "running", Duration.ofSeconds(15));

        PublicApi.as(stack, key).body(Map.of("status", "paused")).patch("/campaigns/" + id + "/status")
                .then().statusCode(200);
        awaitStatus(id, "paused", Duration.ofSeconds(3));
    }

    private static void awaitStatus(String id, String status, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            worker(stack.extraction).get("/internal/v1/campaigns/" + id).then().statusCode(200).body("status", equalTo(status));
            worker(stack.outreach).get("/internal/v1/campaigns/" + id).then().statusCode(200).body("status", equalTo(status));
        });
    }

    private static RequestSpecification worker(ServiceProcess service) {
        return given().baseUri(service.baseUrl()).contentType(ContentType.JSON);
    }
}
