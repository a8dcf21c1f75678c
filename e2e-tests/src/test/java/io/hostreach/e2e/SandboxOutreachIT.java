package io.hostreach.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;

/**
 * The whole product offline: a test-mode extract_and_contact campaign extracts leads from the sandbox
 * portal, outreach-worker enrols them and messages them through the sandbox WhatsApp, and its reports come
 * back into campaign-service as lead statuses and the campaign's funnel.
 */
class SandboxOutreachIT {

    private static Stack stack;
    private static String key;

    @BeforeAll
    static void stack() {
        stack = Stack.get();
        key = PublicApi.newTestKey(stack);
    }

    @Test
    void aTestModeCampaignContactsItsLeadsAndTheFunnelFills() {
        String account = PublicApi.as(stack, key).body(Map.of("type", "whatsapp", "whatsAppBusinessAccountId", "102290129340398",
                        "phoneNumberId", "106540352242922", "token", "EAAG-e2e-sandbox-token", "phone", "+34611223344"))
                .post("/accounts").then().statusCode(201).extract().path("id");
        // A first contact is business-initiated: WhatsApp takes only a template for it (test mode approves at once).
        String template = PublicApi.as(stack, key).body(Map.of("apiType", "meta-api", "name", "captacion_e2e",
                        "category", "MARKETING", "language", "es",
                        "components", List.of(Map.of("type", "BODY", "text", "Hola {{1}}, ¿sigue a la venta su piso?")),
                        "variables", List.of("name")))
                .post("/templates").then().statusCode(201).body("status", equalTo("APPROVED")).extract().path("id");
        String campaign = PublicApi.as(stack, key).body(Map.of("platform", "idealista", "mode", "extract_and_contact",
                        "contactMode", "whatsapp",
                        "segmentation", Map.of("expectedResults", 15, "filters", Map.of("operation", "sale",
                                "location", Map.of("id", "0-EU-ES-46", "label", "Valencia"))),
                        "settings", Map.of("accountId", account, "sequence", List.of(
                                Map.of("templateId", template),
                                Map.of("text", "¿Le interesa que lo valoremos sin compromiso?", "delayHours", 48)))))
                .post("/campaigns").then().statusCode(201).extract().path("id");
        PublicApi.as(stack, key).body(Map.of("status", "running")).patch("/campaigns/" + campaign + "/status")
                .then().statusCode(200);

        // Every captured lead with a mobile number gets step 1; the sandbox answers by the number's last digit:
        // most are delivered and read, …7 replies, …8 answers BAJA, …0 is not on WhatsApp.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                PublicApi.as(stack, key).get("/campaigns/" + campaign + "/stats").then().statusCode(200)
                        .body("funnel.captured", equalTo(15))
                        .body("funnel.contacted", greaterThan(0))
                        .body("funnel.delivered", greaterThan(0))
                        .body("funnel.read", greaterThan(0))
                        .body("funnel.replied", greaterThan(0)));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                PublicApi.as(stack, key).queryParam("campaignId", campaign).queryParam("limit", 100).get("/leads").then()
                        .statusCode(200).body("data.status", hasItem("CONTACTED")).body("data.status", hasItem("REPLIED")));
        // An opt-out reached outreach-worker's suppression list, read here through campaign-service's public API.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                PublicApi.as(stack, key).get("/suppressions").then().statusCode(200)
                        .body("data.size()", greaterThan(0)));
        String replied = PublicApi.as(stack, key).queryParam("campaignId", campaign).queryParam("status", "REPLIED")
                .get("/leads").then().statusCode(200).extract().path("data[0].id");
        PublicApi.as(stack, key).get("/messaging/conversations/" + replied).then().statusCode(200)
                .body("data.direction", hasItem("inbound")).body("data.direction", hasItem("outbound"));
        int contacted = PublicApi.as(stack, key).get("/campaigns/" + campaign + "/stats").then().extract().path("funnel.contacted");
        int captured = PublicApi.as(stack, key).get("/campaigns/" + campaign + "/stats").then().extract().path("funnel.captured");
        // Never more contacts than leads: one step 1 per lead, whatever the redeliveries.
        org.junit.jupiter.api.Assertions.assertTrue(contacted <= captured, contacted + " contacted of " + captured);
    }
}
