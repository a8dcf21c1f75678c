package io.hostreach.campaign.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.hostreach.campaign.support.Api;
import io.hostreach.campaign.support.WorkerEvents;
import io.hostreach.testing.InjectKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.hostreach.campaign.support.Api.PREFIX;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Customer webhooks against a real local receiver: signature, headers, body, retries, disabling, isolation. */
@QuarkusTest
class WebhookDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "whsec-0123456789abcdef";
    private static WireMockServer receiver;

    @InjectKafka
    KafkaCompanion kafka;

    @ConfigProperty(name = "hostreach.topics.lead-events")
    String leadTopic;

    @BeforeAll
    static void startReceiver() {
        receiver = new WireMockServer(wireMockConfig().dynamicPort());
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    private static String hook(String path) {
        return "http://127.0.0.1:" + receiver.port() + path;
    }

    private static String subscribe(String key, String path, List<String> events) {
        return Api.as(key).body(Map.of("url", hook(path), "secret", SECRET, "name", "CRM", "events", events))
                .post(PREFIX + "/webhooks").then().statusCode(201)
                .body("secret", org.hamcrest.Matchers.nullValue())
                .body("enabled", equalTo(true)).extract().path("id");
    }

    private static List<LoggedRequest> received(String path) {
        return receiver.findAll(postRequestedFor(urlEqualTo(path)));
    }

    @Test
    void aStatusChangeIsDeliveredSignedWithTheDocumentedHeadersAndBody() throws Exception {
        String path = "/hooks/" + UUID.randomUUID();
        receiver.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
        String key = Api.testKey();
        subscribe(key, path, List.of("campaign.status_changed"));
        String campaign = Api.createCampaign(key, Api.runnablePortalCampaign());
        Api.setStatus(key, campaign, "running").statusCode(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> received(path).size() == 1);
        LoggedRequest request = received(path).get(0);
        String body = request.getBodyAsString();
        String signature = request.getHeader("Hostreach-Signature");
        String timestamp = signature.substring(2, signature.indexOf(','));
        assertEquals("t=" + timestamp + ",v1=" + WebhookSigner.hmac(SECRET, timestamp + "." + body), signature);
        assertTrue(Math.abs(Long.parseLong(timestamp) - System.currentTimeMillis() / 1000) < 60);
        JsonNode event = JSON.readTree(body);
        assertEquals(request.getHeader("Hostreach-Event-Id"), event.path("id").asText());
        assertEquals("campaign.status_changed", event.path("type").asText());
        assertTrue(event.hasNonNull("createdAt"));
        assertEquals(campaign, event.path("data").path("campaignId").asText());
        assertEquals("draft", event.path("data").path("previousStatus").asText());
        assertEquals("running", event.path("data").path("status").asText());
        assertEquals("application/json", request.getHeader("Content-Type"));
    }

    @Test
    void aFailureIsRetriedAsOneLogicalDelivery() {
        String path = "/hooks/" + UUID.randomUUID();
        receiver.stubFor(post(urlEqualTo(path)).inScenario(path).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        receiver.stubFor(post(urlEqualTo(path)).inScenario(path).whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200)));
        String key = Api.testKey();
        String hook = subscribe(key, path, List.of("campaign.status_changed"));
        String campaign = Api.createCampaign(key, Api.runnablePortalCampaign());
        Api.setStatus(key, campaign, "running").statusCode(200);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> Api.as(key).get(PREFIX + "/webhooks/" + hook + "/deliveries")
                .then().body("data[0].status", equalTo("SUCCEEDED")));
        Api.as(key).get(PREFIX + "/webhooks/" + hook + "/deliveries").then()
                .body("total", equalTo(1))
                .body("data[0].attempts", equalTo(2))
                .body("data[0].attemptLog", hasSize(2))
                .body("data[0].attemptLog[0].statusCode", equalTo(503))
                .body("data[0].attemptLog[1].statusCode", equalTo(200));
        List<LoggedRequest> requests = received(path);
        assertEquals(2, requests.size());
        assertEquals(requests.get(0).getHeader("Hostreach-Event-Id"), requests.get(1).getHeader("Hostreach-Event-Id"));
    }

    @Test
    void aSubscriptionThatKeepsFailingIsDisabledWithTheReason() {
        String path = "/hooks/" + UUID.randomUUID();
        receiver.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(500)));
        String key = Api.testKey();
        String hook = subscribe(key, path, List.of("campaign.status_changed"));
        String campaign = Api.createCampaign(key, Api.runnablePortalCampaign());
        Api.setStatus(key, campaign, "running").statusCode(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Api.as(key).get(PREFIX + "/webhooks/" + hook)
                .then().body("enabled", equalTo(false)).body("disabledReason", containsString("HTTP 500")));
        Api.as(key).get(PREFIX + "/webhooks/" + hook + "/deliveries").then().body("data[0].status", equalTo("FAILED"));

        // Re-enabled by the customer, it gets a fresh window.
        Api.as(key).body(Map.of("enabled", true)).patch(PREFIX + "/webhooks/" + hook).then().statusCode(200)
                .body("enabled", equalTo(true)).body("disabledReason", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void anotherWorkspacesEventsAreNeverDelivered() {
        String mine = "/hooks/" + UUID.randomUUID();
        String theirs = "/hooks/" + UUID.randomUUID();
        receiver.stubFor(post(urlEqualTo(mine)).willReturn(aResponse().withStatus(200)));
        receiver.stubFor(post(urlEqualTo(theirs)).willReturn(aResponse().withStatus(200)));
        String myKey = Api.testKey();
        String theirKey = Api.testKey();
        subscribe(myKey, mine, List.of("campaign.status_changed"));
        subscribe(theirKey, theirs, List.of("campaign.status_changed"));
        Api.setStatus(myKey, Api.createCampaign(myKey, Api.runnablePortalCampaign()), "running").statusCode(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> received(mine).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> received(theirs).isEmpty());
    }

    @Test
    void capturedLeadsGoOutAsOneBatchAndTestDeliveriesWork() {
        String path = "/hooks/" + UUID.randomUUID();
        receiver.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        String key = Api.testKey();
        String workspace = Api.as(key).get(PREFIX + "/me").then().extract().path("workspaceId");
        String hook = subscribe(key, path, List.of("leads.imported"));
        String campaign = Api.createCampaign(key, Api.runnablePortalCampaign());
        for (int i = 0; i < 3; i++) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(leadTopic, campaign, WorkerEvents.leadCaptured(
                    UUID.randomUUID().toString(), UUID.randomUUID().toString(), campaign, workspace, null,
                    "5000000" + i, "+3465555555" + i, "Lead " + i))).awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> !received(path).isEmpty());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> received(path).size() == 1);
        Api.as(key).get(PREFIX + "/webhooks/" + hook + "/deliveries").then()
                .body("data[0].eventType", equalTo("leads.imported"));
        assertTrue(received(path).get(0).getBodyAsString().contains("\"count\":3"));

        Api.as(key).post(PREFIX + "/webhooks/" + hook + "/test").then().statusCode(202)
                .body("eventType", equalTo("webhook.test"));
        await().atMost(Duration.ofSeconds(10)).until(() -> received(path).size() == 2);
    }

    @Test
    void subscriptionsAreValidatedAndFenced() {
        String key = Api.testKey();
        Api.as(key).body(Map.of("url", "ftp://example.com/hook", "secret", SECRET, "events", List.of("lead.status_updated")))
                .post(PREFIX + "/webhooks").then().statusCode(400).body("message", equalTo("url must be a valid http or https URL"));
        Api.as(key).body(Map.of("url", hook("/x"), "secret", "short", "events", List.of("lead.status_updated")))
                .post(PREFIX + "/webhooks").then().statusCode(400).body("message", equalTo("secret must be 16 to 256 characters"));
        Api.as(key).body(Map.of("url", hook("/x"), "secret", SECRET, "events", List.of("lead.deleted")))
                .post(PREFIX + "/webhooks").then().statusCode(400).body("details[0].field", equalTo("events"));
        Api.as(key).body(Map.of("url", hook("/x"), "secret", SECRET))
                .post(PREFIX + "/webhooks").then().statusCode(400).body("message", containsString("events is required"));
        String hook = subscribe(key, "/x", List.of("lead.status_updated"));
        Api.as(key).get(PREFIX + "/webhooks").then().body("total", equalTo(1))
                .body("data[0].url", equalTo(hook("/x"))).body(not(containsString(SECRET)));
        Api.as(Api.testKey()).get(PREFIX + "/webhooks/" + hook).then().statusCode(404);
        Api.as(key).body(Map.of("events", List.of("campaign.status_changed", "lead.first_response")))
                .patch(PREFIX + "/webhooks/" + hook).then().statusCode(200)
                .body("events", equalTo(List.of("campaign.status_changed", "lead.first_response")));
        Api.as(key).delete(PREFIX + "/webhooks/" + hook).then().statusCode(204);
        Api.as(key).get(PREFIX + "/webhooks/" + hook).then().statusCode(404);
    }
}
