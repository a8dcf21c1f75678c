package io.hostreach.outreach.send;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.outreach.support.OutreachFixture;
import io.hostreach.outreach.support.QuarkusOutreachTest;
import io.hostreach.outreach.support.TestAccounts;
import io.hostreach.outreach.support.TestCampaign;
import io.hostreach.outreach.support.TestPhones;
import io.hostreach.outreach.support.Webhooks;
import io.hostreach.outreach.support.WireMockResource;
import io.hostreach.outreach.whatsapp.Account;
import io.hostreach.outreach.whatsapp.Template;
import io.hostreach.testing.KafkaTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Ad-hoc messages ({@code POST /internal/v1/workspaces/{ws}/messages}) go through the send log and the same
 * claim as sequence steps: the 24-hour window, the suppression list, at most once, the Cloud API stood in by WireMock.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class AdhocSendTest extends QuarkusOutreachTest {

    private static final String PATH = "/internal/v1/workspaces/{ws}/messages";

    private static RequestSpecification internal() {
        return given().header("X-Internal-Token", "test-internal-token").contentType("application/json");
    }

    private TestCampaign cloudCampaign(Account account) {
        return fixture.publish(new TestCampaign().account(account.id()).textStep("Hola {{name}}", 0));
    }

    private static Map<String, Object> text(TestCampaign campaign, String phone, String text, String clientKey) {
        Map<String, Object> body = new HashMap<>();
        body.put("leadId", UUID.randomUUID().toString());
        body.put("campaignId", campaign.id.toString());
        body.put("phone", phone);
        body.put("text", text);
        body.put("clientKey", clientKey);
        return body;
    }

    private void openWindow(Account account, String phone) {
        Webhooks.post(Webhooks.text(account.phoneNumberId(), TestPhones.digits(phone), "Hola, ¿sigue disponible?"))
                .then().statusCode(200);
        await().atMost(OutreachFixture.WAIT).until(() -> rows.count(
                "select count(*) from conversation_window where sender_id = ? and phone = ?", account.phoneNumberId(), phone) == 1);
    }

    private Map<String, Object> awaitStatus(String messageId, String status) {
        await().atMost(OutreachFixture.WAIT).until(() -> rows.count(
                "select count(*) from outreach_message where id = ? and status = ?", UUID.fromString(messageId), status) == 1);
        return rows.row("select * from outreach_message where id = ?", UUID.fromString(messageId));
    }

    @Test
    void freeTextInsideTheWindowGoesOnceToTheCloudApi() {
        Account account = TestAccounts.cloud(null);
        TestCampaign campaign = cloudCampaign(account);
        String phone = TestPhones.spanishMobile();
        openWindow(account, phone);
        Map<String, Object> body = text(campaign, phone, "¡Gracias! ¿Le viene bien mañana a las 11?", "key-" + UUID.randomUUID());

        String id = internal().body(body).post(PATH, campaign.workspaceId).then().statusCode(202)
                .body("status", equalTo("PENDING")).body("step", equalTo(0)).body("phone", equalTo(phone))
                .body("body", equalTo("¡Gracias! ¿Le viene bien mañana a las 11?"))
                .extract().path("id");
        Map<String, Object> sent = awaitStatus(id, "SENT");
        assertEquals("adhoc", sent.get("kind"));
        assertEquals(account.id(), sent.get("account_id"));
        graph.verify(1, postRequestedFor(urlEqualTo(messagesPath(account))).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","to":"%s","type":"text","text":{"body":"¡Gracias! ¿Le viene bien mañana a las 11?"}}"""
                .formatted(TestPhones.digits(phone)), true, true)));
        JsonNode event = fixture.awaitEvent("io.hostreach.message.sent", d -> id.equals(d.path("messageId").asText()));
        assertEquals(0, event.path("data").path("step").asInt());
        assertEquals("¡Gracias! ¿Le viene bien mañana a las 11?", event.path("data").path("text").asText());
        assertEquals(body.get("leadId"), event.path("data").path("leadId").asText());

        // The same client key again: the first message, nothing sent twice.
        internal().body(body).post(PATH, campaign.workspaceId).then().statusCode(200).body("id", equalTo(id))
                .body("status", equalTo("SENT"));
        assertEquals(1, rows.count("select count(*) from outreach_message where client_key = ?", body.get("clientKey")));
        assertEquals(1, requestCount(phone));
    }

    @Test
    void freeTextOutsideTheWindowNeedsATemplate() {
        Account account = TestAccounts.cloud(null);
        TestCampaign campaign = cloudCampaign(account);
        String phone = TestPhones.spanishMobile();
        Map<String, Object> body = text(campaign, phone, "Hola", "key-" + UUID.randomUUID());
        internal().body(body).post(PATH, campaign.workspaceId).then().statusCode(409)
                .body("message", equalTo("The lead has not written in the last 24 hours: free text is not allowed, "
                        + "a template is needed (send-template)"));
        assertEquals(0, rows.count("select count(*) from outreach_message where phone = ?", phone));
    }

    @Test
    void aTemplateGoesOutsideTheWindowFilledFromTheLead() {
        Account account = TestAccounts.cloud(null);
        Template template = TestAccounts.approved();
        TestCampaign campaign = cloudCampaign(account);
        String phone = TestPhones.spanishMobile();
        Map<String, Object> body = text(campaign, phone, null, "key-" + UUID.randomUUID());
        body.remove("text");
        body.put("templateId", template.id());
        body.put("accountId", account.id());
        body.put("lead", Map.of("name", "Marta", "listing", Map.of("title", "Ático en Benimaclet")));

        String id = internal().body(body).post(PATH, campaign.workspaceId).then().statusCode(202)
                .body("body", equalTo("Hola Marta, he visto su anuncio \"Ático en Benimaclet\". ¿Hablamos? Responda BAJA si no "
                        + "quiere más mensajes.")).extract().path("id");
        awaitStatus(id, "SENT");
        graph.verify(1, postRequestedFor(urlEqualTo(messagesPath(account))).withRequestBody(equalToJson("""
                {"to":"%s","type":"template","template":{"name":"captacion_vendedor_v1","language":{"code":"es_ES"},
                 "components":[{"type":"body","parameters":[{"type":"text","text":"Marta"},
                                                           {"type":"text","text":"Ático en Benimaclet"}]}]}}"""
                .formatted(TestPhones.digits(phone)), true, true)));
    }

    @Test
    void aSuppressedNumberIsNeverQueued() {
        Account account = TestAccounts.cloud(null);
        TestCampaign campaign = cloudCampaign(account);
        String phone = TestPhones.spanishMobile();
        rows.update("insert into suppression (workspace_id, environment, phone, reason, source, created_at) "
                + "values (?, 'live', ?, 'asked', 'manual', now())", campaign.workspaceId, phone);
        Map<String, Object> body = text(campaign, phone, null, "key-" + UUID.randomUUID());
        body.remove("text");
        body.put("templateId", TestAccounts.approved().id());
        internal().body(body).post(PATH, campaign.workspaceId).then().statusCode(409)
                .body("message", equalTo(phone + " is on the suppression list: it is never messaged"));
        assertEquals(0, rows.count("select count(*) from outreach_message where phone = ?", phone));
        assertEquals(0, requestCount(phone));
    }

    @Test
    void aNumberSuppressedAfterQueueingIsNotSent() {
        Account account = TestAccounts.cloud(null);
        TestCampaign campaign = cloudCampaign(account);
        String phone = TestPhones.spanishMobile();
        Map<String, Object> body = text(campaign, phone, null, "key-" + UUID.randomUUID());
        body.remove("text");
        body.put("templateId", TestAccounts.approved().id());
        body.put("scheduledAt", java.time.Instant.now().plusSeconds(2).toString());
        String id = internal().body(body).post(PATH, campaign.workspaceId).then().statusCode(202).extract().path("id");
        rows.update("insert into suppression (workspace_id, environment, phone, reason, source, created_at) "
                + "values (?, 'live', ?, 'asked', 'manual', now())", campaign.workspaceId, phone);
        Map<String, Object> failed = awaitStatus(id, "FAILED");
        assertEquals("The number is on the suppression list", failed.get("error_title"));
        fixture.awaitEvent("io.hostreach.message.failed", d -> id.equals(d.path("messageId").asText()));
        assertEquals(0, requestCount(phone));
    }

    @Test
    void badRequestsAreRefused() {
        Account account = TestAccounts.cloud(null);
        TestCampaign campaign = cloudCampaign(account);
        String phone = TestPhones.spanishMobile();
        Map<String, Object> both = text(campaign, phone, "Hola", "k-" + UUID.randomUUID());
        both.put("templateId", "tpl-1");
        internal().body(both).post(PATH, campaign.workspaceId).then().statusCode(400)
                .body("message", equalTo("exactly one of text and templateId is required"));
        internal().body(text(campaign, "12", "Hola", "k")).post(PATH, campaign.workspaceId).then().statusCode(400)
                .body("message", equalTo("phone must be a valid E.164 number"));
        internal().body(text(campaign, phone, "Hola", null)).post(PATH, campaign.workspaceId).then().statusCode(400)
                .body("message", containsString("clientKey is required"));
        // Another workspace's campaign is not found from this one.
        internal().body(text(campaign, phone, "Hola", "k-" + UUID.randomUUID())).post(PATH, UUID.randomUUID()).then()
                .statusCode(404).body("message", equalTo("Campaign " + campaign.id + " is not known to outreach"));
        Map<String, Object> unknownTemplate = text(campaign, phone, null, "k-" + UUID.randomUUID());
        unknownTemplate.remove("text");
        unknownTemplate.put("templateId", "tpl-missing");
        internal().body(unknownTemplate).post(PATH, campaign.workspaceId).then().statusCode(422)
                .body("message", equalTo("Template tpl-missing not found"));
        Map<String, Object> otherAccount = text(campaign, phone, "Hola", "k-" + UUID.randomUUID());
        otherAccount.put("accountId", "acc-other");
        internal().body(otherAccount).post(PATH, campaign.workspaceId).then().statusCode(422);
        given().contentType("application/json").body(text(campaign, phone, "Hola", "k")).post(PATH, campaign.workspaceId)
                .then().statusCode(401);
    }

    @Test
    void inManualModeItBecomesATaskOnlyItsWorkspaceCompletes() {
        TestCampaign campaign = fixture.publish(new TestCampaign().manual().textStep("Hola", 0));
        String phone = TestPhones.spanishMobile();
        String id = internal().body(text(campaign, phone, "Le llamo mañana", "k-" + UUID.randomUUID()))
                .post(PATH, campaign.workspaceId).then().statusCode(202).extract().path("id");
        awaitStatus(id, "TASK_OPEN");
        String task = rows.string("select cast(id as varchar) from manual_task where message_id = ?", UUID.fromString(id));

        internal().body(Map.of("outcome", "sent")).post("/internal/v1/workspaces/{ws}/tasks/{id}/complete", UUID.randomUUID(), task)
                .then().statusCode(404).body("message", equalTo("Task " + task + " does not exist"));
        internal().body(Map.of("outcome", "sent")).queryParam("environment", "test")
                .post("/internal/v1/workspaces/{ws}/tasks/{id}/complete", campaign.workspaceId, task).then().statusCode(404);
        internal().body(Map.of("outcome", "sent"))
                .post("/internal/v1/workspaces/{ws}/tasks/{id}/complete", campaign.workspaceId, task).then().statusCode(200)
                .body("status", equalTo("done")).body("text", equalTo("Le llamo mañana"));
        awaitStatus(id, "SENT");
        // Not a step: nothing follows it.
        assertEquals(1, rows.count("select count(*) from outreach_message where campaign_id = ?", campaign.id));
    }
}
