package io.hostreach.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Leads that do not come from a portal, through the real services: a CSV import checked against
 * outreach-worker's suppression list and dripped by its slots, and a website widget request that becomes a
 * manual task at once.
 */
class OwnLeadsIT {

    private static Stack stack;

    @BeforeAll
    static void stack() {
        stack = Stack.get();
    }

    @Test
    void aCsvImportSkipsSuppressedNumbersAndItsLeadsAreContactedInBatches() {
        String key = PublicApi.newTestKey(stack);
        PublicApi.as(stack, key).body(Map.of("phone", "+34611000008", "reason", "Pidió no ser contactado"))
                .post("/suppressions").then().statusCode(201);
        String account = PublicApi.as(stack, key).body(Map.of("type", "whatsapp", "whatsAppBusinessAccountId", "102290129340398",
                        "phoneNumberId", "106540352242922", "token", "EAAG-e2e-sandbox-token", "phone", "+34611223344"))
                .post("/accounts").then().statusCode(201).extract().path("id");
        String template = PublicApi.as(stack, key).body(Map.of("apiType", "meta-api", "name", "captacion_csv_e2e",
                        "category", "MARKETING", "language", "es",
                        "components", List.of(Map.of("type", "BODY", "text", "Hola {{1}}, le escribimos por su piso en {{2}}.")),
                        "variables", List.of("name", "attributes.barrio")))
                .post("/templates").then().statusCode(201).extract().path("id");
        String everyHour = IntStream.range(0, 24).mapToObj(Integer::toString).collect(Collectors.joining(","));
        String campaign = PublicApi.as(stack, key).body(Map.of("platform", "csv_import", "contactMode", "whatsapp",
                        "segmentation", Map.of("batchSize", 2),
                        "settings", Map.of("accountId", account, "timezone", "Europe/Madrid", "scheduledHours", everyHour,
                                "scheduledDays", "1,2,3,4,5,6,7", "sequence", List.of(Map.of("templateId", template)))))
                .post("/campaigns").then().statusCode(201).extract().path("id");

        String csv = "phone;name;barrio\n611000002;Ana;Ruzafa\n611000003;Luis;Benimaclet\n+34 611 000 004;Marta;Centro\n"
                + "611000008;Pepe;Patraix\nnot-a-phone;Nadie;Ninguno\n";
        PublicApi.as(stack, key).contentType("text/csv").body(csv).post("/campaigns/" + campaign + "/leads/import").then()
                .statusCode(200).body("total", equalTo(5)).body("imported", equalTo(3)).body("suppressed", equalTo(1))
                .body("invalid", hasSize(1)).body("invalid[0].row", equalTo(6));
        PublicApi.as(stack, key).queryParam("campaignId", campaign).get("/leads").then().statusCode(200)
                .body("total", equalTo(3)).body("data.phone", hasItem("+34611000004"));

        PublicApi.as(stack, key).body(Map.of("status", "running")).patch("/campaigns/" + campaign + "/status")
                .then().statusCode(200);
        // batchSize 2 per slot: the first slot contacts two of the three (a third only if the hour turns meanwhile).
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                PublicApi.as(stack, key).get("/campaigns/" + campaign + "/stats").then().statusCode(200)
                        .body("funnel.captured", equalTo(3))
                        .body("funnel.contacted", allOf(greaterThanOrEqualTo(2), lessThanOrEqualTo(3))));
    }

    @Test
    void aWidgetRequestBecomesAManualTaskOfTheRunningWidgetCampaign() {
        String workspace = PublicApi.newWorkspace(stack);
        String key = PublicApi.newKey(stack, workspace, "live");
        String campaign = PublicApi.as(stack, key).body(Map.of("platform", "widget", "contactMode", "whatsapp-no-api",
                        "settings", Map.of("sequence", List.of(Map.of("text", "Hola {{1}}, gracias por escribirnos. ¿Cuándo le llamamos?")))))
                .post("/campaigns").then().statusCode(201).extract().path("id");
        PublicApi.as(stack, key).body(Map.of("status", "running")).patch("/campaigns/" + campaign + "/status")
                .then().statusCode(200);
        String widgetKey = PublicApi.as(stack, key).get("/me/widget").then().statusCode(200).extract().path("widgetKey");

        PublicApi.anonymous(stack).body(Map.of("name", "Carmen López", "phone", "612 345 677", "consent", true,
                        "message", "Quiero vender mi piso", "pageUrl", "https://www.agenciasol.es/vender"))
                .post("/widget/" + widgetKey + "/leads").then().statusCode(202);

        // outreach-worker enrols the lead at once; without an Evolution instance its first message is a task.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                PublicApi.as(stack, key).queryParam("status", "open").get("/messaging/tasks").then().statusCode(200)
                        .body("data.phone", hasItem("+34612345677"))
                        .body("data[0].text", containsString("gracias por escribirnos"))
                        .body("data[0].link", startsWith("https://wa.me/34612345677")));
    }
}
