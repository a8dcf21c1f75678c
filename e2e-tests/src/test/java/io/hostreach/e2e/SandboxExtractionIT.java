package io.hostreach.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The README quickstart, end to end: a test-mode portal campaign runs against the sandbox portal, and its
 * leads become visible through the public API with the job's counts.
 */
class SandboxExtractionIT {

    private static Stack stack;
    private static String key;

    @BeforeAll
    static void stack() {
        stack = Stack.get();
        key = PublicApi.newTestKey(stack);
    }

    @Test
    void aTestModeCampaignExtractsItsExpectedResultsFromTheSandbox() {
        String campaign = PublicApi.as(stack, key).body(Map.of("platform", "idealista", "mode", "extract_only",
                        "segmentation", Map.of("expectedResults", 12, "filters", Map.of("operation", "rent",
                                "location", Map.of("id", "0-EU-ES-46", "label", "Valencia")))))
                .post("/campaigns").then().statusCode(201).extract().path("id");
        PublicApi.as(stack, key).body(Map.of("status", "running")).patch("/campaigns/" + campaign + "/status")
                .then().statusCode(200);
        String extraction = PublicApi.as(stack, key).get("/extractions").then().statusCode(200)
                .body("total", equalTo(1)).extract().path("data[0].id");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                PublicApi.as(stack, key).get("/extractions/" + extraction).then()
                        .body("status", equalTo("COMPLETED")).body("created", equalTo(12)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                PublicApi.as(stack, key).queryParam("limit", 100).get("/extractions/" + extraction + "/leads").then()
                        .body("total", equalTo(12))
                        .body("data[0].advertiserType", equalTo("private"))
                        .body("data[0].listing.portal", equalTo("idealista")));
        PublicApi.as(stack, key).get("/campaigns/" + campaign + "/stats").then().body("funnel.captured", equalTo(12));
    }
}
