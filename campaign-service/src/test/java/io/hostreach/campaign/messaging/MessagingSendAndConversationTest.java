package io.hostreach.campaign.messaging;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.hostreach.campaign.support.Api;
import io.hostreach.campaign.support.OutreachWorkerStub;
import io.hostreach.campaign.support.WorkerEvents;
import io.hostreach.testing.InjectKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.hostreach.campaign.support.Api.PREFIX;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.nullValue;

/**
 * {@code /messaging/send}, {@code /messaging/send-template} (queued by outreach-worker, stood in here with its JSON)
 * and {@code /messaging/conversations}, read from the message log that outreach events and our sends fill.
 */
@QuarkusTest
class MessagingSendAndConversationTest {

    private static final String JSON = "application/json";

    @InjectKafka
    KafkaCompanion kafka;

    @ConfigProperty(name = "hostreach.topics.lead-events")
    String leadTopic;

    @ConfigProperty(name = "hostreach.topics.outreach-events")
    String outreachTopic;

    private final WireMockServer worker = OutreachWorkerStub.server();

    private record Tenant(String key, String workspaceId, String campaignId) {
    }

    private Tenant tenant() {
        String key = Api.testKey();
        String workspace = Api.as(key).get(PREFIX + "/me").then().extract().path("workspaceId");
        return new Tenant(key, workspace, Api.createCampaign(key, Api.runnablePortalCampaign()));
    }

    private void send(String topic, String key, String value) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, key, value)).awaitCompletion();
    }

    private String capture(Tenant t, String phone, String name) {
        String lead = UUID.randomUUID().toString();
        send(leadTopic, t.campaignId(), WorkerEvents.leadCaptured(UUID.randomUUID().toString(), lead, t.campaignId(),
                t.workspaceId(), null, UUID.randomUUID().toString().substring(0, 9), phone, name));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> Api.as(t.key()).get(PREFIX + "/leads/" + lead).then().statusCode(200));
        return lead;
    }

    /** outreach-worker's MessageView of a just-queued ad-hoc message. */
    private static String queued(String id, String lead, Tenant t, String phone, String body) {
        return """
                {"id":"%s","leadId":"%s","campaignId":"%s","workspaceId":"%s","environment":"test","step":0,"phone":"%s",
                 "channel":null,"status":"PENDING","attempts":0,"dueAt":"2026-11-28T10:00:00Z","sentAt":null,"deliveredAt":null,
                 "readAt":null,"failedAt":null,"providerMessageId":null,"errorCode":null,"errorTitle":null,"body":"%s"}"""
                .formatted(id, lead, t.campaignId(), t.workspaceId(), phone, body);
    }

    private String messagesPath(Tenant t) {
        return "/internal/v1/workspaces/" + t.workspaceId() + "/messages";
    }

    @Test
    void repliesAndStatusesMakeConversations() {
        Tenant t = tenant();
        String replier = capture(t, "+34611200001", "Ana");
        String silent = capture(t, "+34611200002", "Luis");
        String first = UUID.randomUUID().toString();
        send(outreachTopic, silent, WorkerEvents.outreach("message.sent", UUID.randomUUID().toString(), silent, t.campaignId(),
                t.workspaceId(), 1, "sent", null, "2026-11-28T09:00:00Z"));
        send(outreachTopic, replier, WorkerEvents.outreach("message.sent", first, replier, t.campaignId(), t.workspaceId(), 1,
                "sent", null, "2026-11-28T10:00:00Z"));
        send(outreachTopic, replier, WorkerEvents.outreach("message.read", first, replier, t.campaignId(), t.workspaceId(), 1,
                "read", null, "2026-11-28T10:05:00Z"));
        send(outreachTopic, replier, WorkerEvents.outreach("lead.replied", null, replier, t.campaignId(), t.workspaceId(), 1,
                null, null, "2026-11-28T11:00:00Z"));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> Api.as(t.key()).get(PREFIX + "/messaging/conversations/" + replier)
                .then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(2)));
        Api.as(t.key()).get(PREFIX + "/messaging/conversations/" + replier).then()
                .body("leadId", org.hamcrest.Matchers.equalTo(replier)).body("name", org.hamcrest.Matchers.equalTo("Ana"))
                .body("phone", org.hamcrest.Matchers.equalTo("+34611200001"))
                .body("data[0].direction", org.hamcrest.Matchers.equalTo("inbound"))
                .body("data[0].status", org.hamcrest.Matchers.equalTo("received"))
                .body("data[0].text", org.hamcrest.Matchers.equalTo("Sí, me interesa"))
                .body("data[0].createdAt", org.hamcrest.Matchers.equalTo("2026-11-28T11:00:00Z"))
                .body("data[1].id", org.hamcrest.Matchers.equalTo(first))
                .body("data[1].direction", org.hamcrest.Matchers.equalTo("outbound"))
                .body("data[1].status", org.hamcrest.Matchers.equalTo("read"))
                .body("data[1].text", org.hamcrest.Matchers.equalTo("Sí, me interesa")) // the fixture's message.sent text
                .body("data[1].sentAt", org.hamcrest.Matchers.equalTo("2026-11-28T10:00:00Z"))
                .body("data[1].readAt", org.hamcrest.Matchers.equalTo("2026-11-28T10:05:00Z"));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> Api.as(t.key()).get(PREFIX + "/messaging/conversations")
                .then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(2)));
        Api.as(t.key()).get(PREFIX + "/messaging/conversations?limit=1").then()
                .body("data.size()", org.hamcrest.Matchers.equalTo(1))
                .body("data[0].leadId", org.hamcrest.Matchers.equalTo(replier))
                .body("data[0].lastMessage.direction", org.hamcrest.Matchers.equalTo("inbound"))
                .body("data[0].lastMessageAt", org.hamcrest.Matchers.equalTo("2026-11-28T11:00:00Z"));
        Api.as(t.key()).get(PREFIX + "/messaging/conversations?page=2&limit=1").then()
                .body("data[0].leadId", org.hamcrest.Matchers.equalTo(silent));
        // A reply is not a message we sent: the funnel counts one read message, nothing received.
        Api.as(t.key()).get(PREFIX + "/campaigns/" + t.campaignId() + "/stats").then()
                .body("messages.received", nullValue()).body("messages.read", org.hamcrest.Matchers.equalTo(1));

        String stranger = Api.testKey();
        Api.as(stranger).get(PREFIX + "/messaging/conversations/" + replier).then().statusCode(404)
                .body("message", org.hamcrest.Matchers.equalTo("Lead not found"));
        Api.as(stranger).get(PREFIX + "/messaging/conversations").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));
        Api.as(t.key()).get(PREFIX + "/messaging/conversations/nope").then().statusCode(404);
        Api.as(t.key()).get(PREFIX + "/messaging/conversations?page=0").then().statusCode(400);
    }

    @Test
    void freeTextIsQueuedByTheWorkerOnceAndJoinsTheConversation() {
        Tenant t = tenant();
        String lead = capture(t, "+34611200003", "Marta");
        String id = UUID.randomUUID().toString();
        worker.stubFor(post(urlPathEqualTo(messagesPath(t))).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", JSON).withBody(queued(id, lead, t, "+34611200003", "¿Le viene bien mañana?"))));

        Map<String, Object> body = Map.of("leadId", lead, "message", "¿Le viene bien mañana?");
        Api.as(t.key()).header("Idempotency-Key", "send-1").body(body).post(PREFIX + "/messaging/send").then().statusCode(202)
                .body("id", org.hamcrest.Matchers.equalTo(id)).body("status", org.hamcrest.Matchers.equalTo("queued"))
                .body("direction", org.hamcrest.Matchers.equalTo("outbound"))
                .body("text", org.hamcrest.Matchers.equalTo("¿Le viene bien mañana?"))
                .body("leadId", org.hamcrest.Matchers.equalTo(lead));
        worker.verify(postRequestedFor(urlPathEqualTo(messagesPath(t)))
                .withHeader("X-Internal-Token", equalTo("test-internal-token"))
                .withQueryParam("environment", equalTo("test"))
                .withRequestBody(equalToJson("""
                        {"leadId":"%s","campaignId":"%s","phone":"+34611200003","text":"¿Le viene bien mañana?"}"""
                        .formatted(lead, t.campaignId()), false, true))
                .withRequestBody(matchingJsonPath("$.clientKey", com.github.tomakehurst.wiremock.client.WireMock.matching(".+:send-1")))
                .withRequestBody(matchingJsonPath("$.lead.name", equalTo("Marta")))
                .withRequestBody(matchingJsonPath("$.lead.listing.title", equalTo("Piso en alquiler en Ruzafa"))));

        // The same request again: replayed, the worker is not asked twice.
        Api.as(t.key()).header("Idempotency-Key", "send-1").body(body).post(PREFIX + "/messaging/send").then().statusCode(202)
                .body("id", org.hamcrest.Matchers.equalTo(id));
        worker.verify(1, postRequestedFor(urlPathEqualTo(messagesPath(t))));

        Api.as(t.key()).get(PREFIX + "/messaging/conversations/" + lead).then().statusCode(200)
                .body("data[0].id", org.hamcrest.Matchers.equalTo(id)).body("data[0].status", org.hamcrest.Matchers.equalTo("queued"));
        send(outreachTopic, lead, WorkerEvents.outreach("message.sent", id, lead, t.campaignId(), t.workspaceId(), 0, "sent", null,
                "2026-11-28T12:00:00Z"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> Api.as(t.key()).get(PREFIX + "/messaging/conversations/" + lead)
                .then().body("total", org.hamcrest.Matchers.equalTo(1))
                .body("data[0].status", org.hamcrest.Matchers.equalTo("sent"))
                .body("data[0].text", org.hamcrest.Matchers.equalTo("¿Le viene bien mañana?")));
    }

    @Test
    void theWorkersRefusalsComeBackInTheSpecsFormat() {
        Tenant t = tenant();
        String lead = capture(t, "+34611200004", "Pilar");
        worker.stubFor(post(urlPathEqualTo(messagesPath(t))).willReturn(aResponse().withStatus(409).withHeader("Content-Type", JSON)
                .withBody("{\"statusCode\":409,\"error\":\"Conflict\",\"message\":\"The lead has not written in the last 24 hours: "
                        + "free text is not allowed, a template is needed (send-template)\"}")));
        Api.as(t.key()).body(Map.of("leadId", lead, "message", "Hola")).post(PREFIX + "/messaging/send").then().statusCode(409)
                .body("statusCode", org.hamcrest.Matchers.equalTo(409)).body("error", org.hamcrest.Matchers.equalTo("Conflict"))
                .body("message", org.hamcrest.Matchers.equalTo("The lead has not written in the last 24 hours: free text is not "
                        + "allowed, a template is needed (send-template)"));
        worker.stubFor(post(urlPathEqualTo(messagesPath(t))).willReturn(aResponse().withStatus(409).withHeader("Content-Type", JSON)
                .withBody("{\"statusCode\":409,\"error\":\"Conflict\",\"message\":\"+34611200004 is on the suppression list: it is never messaged\"}")));
        String template = UUID.randomUUID().toString();
        Api.as(t.key()).body(Map.of("leadId", lead, "templateId", template)).post(PREFIX + "/messaging/send-template").then()
                .statusCode(409).body("message", org.hamcrest.Matchers.equalTo("+34611200004 is on the suppression list: it is never messaged"));
        Api.as(t.key()).get(PREFIX + "/messaging/conversations/" + lead).then().body("total", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aTemplateIsForwardedWithItsSchedule() {
        Tenant t = tenant();
        String lead = capture(t, "+34611200005", "Rosa");
        String id = UUID.randomUUID().toString();
        String template = UUID.randomUUID().toString();
        worker.stubFor(post(urlPathEqualTo(messagesPath(t))).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", JSON).withBody(queued(id, lead, t, "+34611200005", "Hola Rosa, he visto su anuncio"))));
        Api.as(t.key()).body(Map.of("leadId", lead, "templateId", template, "scheduledAt", "2026-12-01T10:00:00Z",
                        "campaignId", t.campaignId()))
                .post(PREFIX + "/messaging/send-template").then().statusCode(202)
                .body("id", org.hamcrest.Matchers.equalTo(id)).body("text", org.hamcrest.Matchers.equalTo("Hola Rosa, he visto su anuncio"));
        worker.verify(postRequestedFor(urlPathEqualTo(messagesPath(t))).withRequestBody(equalToJson("""
                {"leadId":"%s","campaignId":"%s","phone":"+34611200005","templateId":"%s","scheduledAt":"2026-12-01T10:00:00Z"}"""
                .formatted(lead, t.campaignId(), template), false, true)));
    }

    @Test
    void badRequestsNeverReachTheWorker() {
        Tenant t = tenant();
        String lead = capture(t, "+34611200006", "Eva");
        String phoneless = capture(t, null, "Sin teléfono");
        String path = PREFIX + "/messaging/send";
        Api.as(t.key()).body(Map.of("leadId", lead)).post(path).then().statusCode(400)
                .body("message", org.hamcrest.Matchers.equalTo("message is required (the text to send)"));
        Api.as(t.key()).body(Map.of("leadId", lead, "message", "  ")).post(path).then().statusCode(400)
                .body("message", org.hamcrest.Matchers.equalTo("message must not be blank"));
        Api.as(t.key()).body(Map.of("leadId", lead, "message", "x".repeat(4097))).post(path).then().statusCode(400)
                .body("message", org.hamcrest.Matchers.equalTo("message must be at most 4096 characters"));
        Api.as(t.key()).body(Map.of("leadId", "42", "message", "Hola")).post(path).then().statusCode(400)
                .body("message", org.hamcrest.Matchers.equalTo("leadId must be a UUID"));
        Api.as(t.key()).body(Map.of("leadId", lead, "message", "Hola", "templateId", UUID.randomUUID().toString())).post(path)
                .then().statusCode(400).body("message", org.hamcrest.Matchers.equalTo("Unknown field 'templateId'"));
        Map<String, Object> several = new HashMap<>();
        several.put("message", 7);
        several.put("accountId", "acc");
        Api.as(t.key()).body(several).post(path).then().statusCode(400).body("details.size()", org.hamcrest.Matchers.equalTo(3));
        Api.as(t.key()).body(Map.of("leadId", UUID.randomUUID().toString(), "message", "Hola")).post(path).then().statusCode(404);
        Api.as(Api.testKey()).body(Map.of("leadId", lead, "message", "Hola")).post(path).then().statusCode(404);
        Api.as(t.key()).body(Map.of("leadId", lead, "message", "Hola", "campaignId", UUID.randomUUID().toString())).post(path)
                .then().statusCode(404);
        Api.as(t.key()).body(Map.of("leadId", lead, "message", "Hola", "accountId", UUID.randomUUID().toString())).post(path)
                .then().statusCode(404);
        Api.as(t.key()).body(Map.of("leadId", phoneless, "message", "Hola")).post(path).then().statusCode(422)
                .body("error", org.hamcrest.Matchers.equalTo("Unprocessable Entity"))
                .body("message", org.hamcrest.Matchers.equalTo("Lead " + phoneless + " has no phone number: it cannot be messaged"));

        String template = PREFIX + "/messaging/send-template";
        Api.as(t.key()).body(Map.of("leadId", lead)).post(template).then().statusCode(400)
                .body("message", org.hamcrest.Matchers.equalTo("templateId is required"));
        Api.as(t.key()).body(Map.of("leadId", lead, "templateId", UUID.randomUUID().toString(), "scheduledAt", "tomorrow"))
                .post(template).then().statusCode(400)
                .body("message", org.hamcrest.Matchers.equalTo("scheduledAt must be an ISO-8601 UTC timestamp, e.g. 2026-11-28T10:00:00Z"));
        Api.as(t.key()).body(Map.of("leadId", lead, "templateId", UUID.randomUUID().toString(), "scheduledAt", "2030-01-01T00:00:00Z"))
                .post(template).then().statusCode(400)
                .body("message", org.hamcrest.Matchers.equalTo("scheduledAt must be at most 30 days ahead"));
        Api.as(t.key()).body(Map.of("leadId", lead, "templateId", UUID.randomUUID().toString(), "message", "x"))
                .post(template).then().statusCode(400);
        worker.verify(0, postRequestedFor(urlPathEqualTo(messagesPath(t))));
    }
}
