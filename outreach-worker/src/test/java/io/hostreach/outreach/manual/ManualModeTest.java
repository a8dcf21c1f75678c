package io.hostreach.outreach.manual;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.outreach.support.OutreachFixture;
import io.hostreach.outreach.support.QuarkusOutreachTest;
import io.hostreach.outreach.support.TestAccounts;
import io.hostreach.outreach.support.TestCampaign;
import io.hostreach.outreach.support.TestLead;
import io.hostreach.outreach.support.TestPhones;
import io.hostreach.outreach.support.WireMockResource;
import io.hostreach.outreach.whatsapp.Account;
import io.hostreach.testing.KafkaTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** whatsapp-no-api: manual tasks with click-to-chat links, or an Evolution API instance. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class ManualModeTest extends QuarkusOutreachTest {

    private static RequestSpecification internal() {
        return given().header("X-Internal-Token", "test-internal-token");
    }

    private Map<String, Object> awaitTask(TestLead lead, int step) {
        await().atMost(OutreachFixture.WAIT).until(() -> rows.count(
                "select count(*) from manual_task where lead_id = ? and step = ? and status = 'OPEN'", lead.leadId, step) == 1);
        return rows.row("select * from manual_task where lead_id = ? and step = ?", lead.leadId, step);
    }

    private JsonPath complete(Object taskId, String outcome, int expectedStatus) {
        return internal().contentType("application/json").body(Map.of("outcome", outcome))
                .post("/internal/v1/tasks/{id}/complete", taskId).then().statusCode(expectedStatus).extract().jsonPath();
    }

    @Test
    void aHumanWorksThroughTheTasksAndTheSequenceFollows() {
        TestCampaign campaign = fixture.publish(new TestCampaign().manual()
                .textStep("Hola {{name}}, ¿sigue disponible «{{listing.title}}»?", 0)
                .textStep("¿Pudo verlo, {{name}}?", 0)
                .textStep("Último mensaje", 0));
        TestLead lead = fixture.capture(new TestLead(campaign, TestPhones.spanishMobile()));

        Map<String, Object> first = awaitTask(lead, 1);
        String text = "Hola Ana, ¿sigue disponible «Piso luminoso en Ruzafa»?";
        assertEquals(text, first.get("text"));
        assertEquals(ClickToChat.link(lead.phone, text), first.get("link"));
        assertEquals("TASK_OPEN", fixture.message(lead, 1).get("status"));
        JsonNode created = fixture.awaitEventOfLead("io.hostreach.task.created", lead).path("data");
        assertEquals(first.get("id").toString(), created.path("taskId").asText());
        assertEquals(text, created.path("text").asText());
        assertEquals(first.get("link"), created.path("link").asText());

        JsonPath open = internal().queryParam("status", "open").get("/internal/v1/workspaces/{id}/tasks", campaign.workspaceId)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, open.getInt("total"));
        assertEquals(first.get("id").toString(), open.getString("data[0].id"));
        assertEquals("open", open.getString("data[0].status"));
        assertEquals(lead.phone, open.getString("data[0].phone"));
        assertEquals(1, open.getInt("data[0].step"));

        JsonPath done = complete(first.get("id"), "sent", 200);
        assertEquals("done", done.getString("status"));
        assertEquals("sent", done.getString("outcome"));
        assertEquals("SENT", fixture.message(lead, 1).get("status"));
        JsonNode sent = fixture.awaitEventOfLead("io.hostreach.message.sent", lead).path("data");
        assertEquals("manual", sent.path("channel").asText());
        complete(first.get("id"), "sent", 409);

        Map<String, Object> second = awaitTask(lead, 2);
        assertEquals("¿Pudo verlo, Ana?", second.get("text"));
        complete(second.get("id"), "skipped", 200);
        assertEquals("SKIPPED", fixture.message(lead, 2).get("status"));

        Map<String, Object> third = awaitTask(lead, 3);
        complete(third.get("id"), "replied", 200);
        assertEquals("REPLIED", fixture.enrolmentStatus(lead));
        fixture.awaitEventOfLead("io.hostreach.lead.replied", lead);
        internal().get("/internal/v1/workspaces/{id}/tasks", campaign.workspaceId).then().statusCode(200).body("total", is(0));
        assertEquals(3, internal().queryParam("status", "done").get("/internal/v1/workspaces/{id}/tasks", campaign.workspaceId)
                .then().statusCode(200).extract().jsonPath().getInt("total"));
        assertEquals(0, requestCount(lead.phone));
    }

    @Test
    void theTaskEndpointsCheckWhatTheyAreGiven() {
        complete(UUID.randomUUID(), "sent", 404);
        complete(UUID.randomUUID(), "maybe", 400);
        internal().get("/internal/v1/workspaces/{id}/tasks?status=someday", UUID.randomUUID()).then().statusCode(400);
        internal().get("/internal/v1/workspaces/{id}/tasks?environment=staging", UUID.randomUUID()).then().statusCode(400);
        given().get("/internal/v1/workspaces/{id}/tasks", UUID.randomUUID()).then().statusCode(401);
        given().header("X-Internal-Token", "wrong").contentType("application/json").body(Map.of("outcome", "sent"))
                .post("/internal/v1/tasks/{id}/complete", UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void aSuppressedNumberGetsNoTaskAndSuppressingCancelsAnOpenOne() {
        TestCampaign campaign = fixture.publish(new TestCampaign().manual().textStep("Hola {{name}}", 0));
        TestLead open = fixture.capture(new TestLead(campaign, TestPhones.spanishMobile()));
        Map<String, Object> task = awaitTask(open, 1);

        internal().contentType("application/json").body(Map.of("phone", open.phone, "reason", "asked by phone"))
                .post("/internal/v1/workspaces/{id}/suppressions", campaign.workspaceId).then().statusCode(201);
        assertEquals("CANCELLED", rows.string("select status from manual_task where id = ?", task.get("id")));
        assertEquals("SUPPRESSED", fixture.enrolmentStatus(open));

        TestLead again = fixture.capture(new TestLead(campaign, open.phone));
        assertEquals("SKIPPED", fixture.awaitEnrolment(again));
        assertEquals(0, rows.count("select count(*) from manual_task where lead_id = ?", again.leadId));
    }

    @Test
    void anEvolutionInstanceSendsForAnAccountWithoutTheCloudApi() {
        Account account = TestAccounts.evolution(graph.baseUrl() + "/evolution");
        String path = "/evolution/message/sendText/" + account.evolutionInstanceId();
        graph.stubFor(post(urlEqualTo(path)).withHeader("apikey", equalTo(account.evolutionApiKey()))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                        {"key":{"remoteJid":"{{jsonPath request.body '$.number'}}@s.whatsapp.net","fromMe":true,
                         "id":"BAE5{{randomValue length=12 type='ALPHANUMERIC'}}"},
                         "message":{"extendedTextMessage":{"text":"{{jsonPath request.body '$.text'}}"}},
                         "messageTimestamp":"1764324000","status":"PENDING"}""")
                        .withTransformers("response-template")));
        TestCampaign campaign = fixture.publish(new TestCampaign().manual().account(account.id()).textStep("Hola {{name}}", 0));
        TestLead lead = fixture.capture(new TestLead(campaign, TestPhones.spanishMobile()));

        Map<String, Object> sent = fixture.awaitMessageStatus(lead, 1, "SENT");
        assertEquals("evolution", sent.get("channel"));
        assertTrue(sent.get("provider_message_id").toString().startsWith("BAE5"));
        graph.verify(1, postRequestedFor(urlEqualTo(path)).withHeader("apikey", equalTo(account.evolutionApiKey()))
                .withRequestBody(equalToJson("{\"number\":\"%s\",\"text\":\"Hola Ana\"}".formatted(TestPhones.digits(lead.phone)))));
        assertEquals(0, rows.count("select count(*) from manual_task where lead_id = ?", lead.leadId));
        assertEquals("evolution", fixture.awaitEventOfLead("io.hostreach.message.sent", lead).path("data").path("channel").asText());
    }
}
