package io.hostreach.campaign.widget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.campaign.support.Api;
import io.hostreach.campaign.support.TestDatabase;
import io.hostreach.testing.EventContract;
import io.hostreach.testing.InjectKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.hostreach.campaign.support.Api.PREFIX;
import static io.hostreach.campaign.widget.WidgetFixture.ORIGIN;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class WidgetIntakeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectKafka
    KafkaCompanion kafka;

    @ConfigProperty(name = "hostreach.topics.lead-events")
    String leadTopic;

    private static long leadsOf(String workspaceId) {
        return TestDatabase.count("select count(*) from lead where workspace_id = ?", UUID.fromString(workspaceId));
    }

    @Test
    void aLeadIsStoredWithItsConsentAndAnnouncedOnLeadEvents() throws Exception {
        WidgetFixture w = new WidgetFixture();
        String campaign = w.runningWidgetCampaign();
        ConsumerTask<String, String> records = kafka.consumeStrings().fromTopics(leadTopic);
        String mobile = WidgetFixture.randomMobile();
        String ip = WidgetFixture.randomIp();

        WidgetFixture.post(w.widgetKey, ORIGIN, ip, WidgetFixture.lead(mobile.substring(0, 3) + " " + mobile.substring(3)))
                .statusCode(202).body("received", equalTo(true))
                .header("Access-Control-Allow-Origin", ORIGIN);

        // Visible through the API, in the live environment, normalised with the workspace's country.
        Api.as(w.liveKey).get(PREFIX + "/leads?campaignId=" + campaign).then().statusCode(200)
                .body("total", equalTo(1))
                .body("data[0].source", equalTo("widget"))
                .body("data[0].status", equalTo("PENDING"))
                .body("data[0].name", equalTo("Carmen López"))
                .body("data[0].phone", equalTo("+34" + mobile))
                .body("data[0].email", equalTo("carmen@example.com"));
        String leadId = Api.as(w.liveKey).get(PREFIX + "/leads?campaignId=" + campaign).then().extract().path("data[0].id");
        UUID lead = UUID.fromString(leadId);
        assertEquals(1, TestDatabase.count("select count(*) from lead_consent where lead_id = ? and source = 'widget' "
                + "and text = ? and page_url = ? and given_at > now() - interval '1 minute'", lead,
                WidgetSettings.DEFAULT_CONSENT_TEXT, ORIGIN + "/vender?utm=1"));
        // The address itself is never stored: only its salted SHA-256.
        assertEquals(1, TestDatabase.count("select count(*) from lead_consent where lead_id = ? and ip_hash ~ '^[0-9a-f]{64}$' "
                + "and ip_hash <> encode(sha256(convert_to(?, 'UTF8')), 'hex')", lead, ip));

        await().atMost(Duration.ofSeconds(10)).until(() -> recordsFor(records, campaign).size() == 1);
        ConsumerRecord<String, String> record = recordsFor(records, campaign).get(0);
        assertEquals(List.of(), EventContract.load().violations(record.value()), record.value());
        JsonNode event = JSON.readTree(record.value());
        assertEquals("io.hostreach.lead.captured", event.path("type").asText());
        assertEquals("/hostreach/campaign-service", event.path("source").asText());
        assertEquals(leadId, event.path("subject").asText());
        JsonNode data = event.path("data");
        assertEquals(leadId, data.path("leadId").asText());
        assertEquals(w.workspaceId, data.path("workspaceId").asText());
        assertEquals("live", data.path("environment").asText());
        assertEquals("widget", data.path("source").asText());
        assertEquals("+34" + mobile, data.path("phone").asText());
        assertEquals("Quiero vender mi piso en Ruzafa", data.path("attributes").path("message").asText());
        assertEquals(WidgetSettings.DEFAULT_CONSENT_TEXT, data.path("consent").path("text").asText());
        assertEquals(ORIGIN + "/vender?utm=1", data.path("consent").path("pageUrl").asText());
        assertTrue(data.path("listing").isNull());

        // The same phone again updates its lead: no second lead, no second announcement; our own consumer of
        // lead-events does not count the announcement as another capture.
        w.post(WidgetFixture.lead("+34" + mobile)).statusCode(202);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> recordsFor(records, campaign).size() == 1);
        assertEquals(1, leadsOf(w.workspaceId));
        assertEquals(2, TestDatabase.count("select captured_count from lead where id = ?", lead));
        records.close();
    }

    @Test
    void corsAnswersOnlyTheWorkspacesAllowedOrigins() {
        WidgetFixture w = new WidgetFixture();
        w.runningWidgetCampaign();
        String leads = WidgetFixture.INTAKE + w.widgetKey + "/leads";

        given().header("Origin", ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .options(leads).then().statusCode(204)
                .header("Access-Control-Allow-Origin", ORIGIN)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Content-Type"))
                .header("Vary", containsString("Origin"));
        // Origins compare in their canonical form: default port and case do not matter.
        given().header("Origin", "HTTPS://WWW.AGENCIASOL.ES:443").header("Access-Control-Request-Method", "POST")
                .options(leads).then().statusCode(204).header("Access-Control-Allow-Origin", notNullValue());

        for (String other : List.of("https://evil.example", "http://www.agenciasol.es", "https://www.agenciasol.es.evil.example", "null")) {
            given().header("Origin", other).header("Access-Control-Request-Method", "POST")
                    .options(leads).then().statusCode(403)
                    .header("Access-Control-Allow-Origin", nullValue())
                    .body("statusCode", equalTo(403)).body("message", containsString("not allowed"));
            WidgetFixture.post(w.widgetKey, other, WidgetFixture.randomIp(), WidgetFixture.lead(WidgetFixture.randomMobile()))
                    .statusCode(403).header("Access-Control-Allow-Origin", nullValue());
        }
        assertEquals(0, leadsOf(w.workspaceId));

        WidgetFixture.post(w.widgetKey, "http://localhost:3000", WidgetFixture.randomIp(), WidgetFixture.lead(WidgetFixture.randomMobile()))
                .statusCode(202).header("Access-Control-Allow-Origin", "http://localhost:3000");
        assertEquals(1, leadsOf(w.workspaceId));
        // Error answers carry the header too, so the widget can show them.
        WidgetFixture.post(w.widgetKey, ORIGIN, WidgetFixture.randomIp(), Map.of("consent", true))
                .statusCode(400).header("Access-Control-Allow-Origin", ORIGIN);

        // The rest of the API is unchanged: no CORS headers for anyone.
        given().header("Origin", ORIGIN).header("X-Api-Key", w.liveKey).get(PREFIX + "/me").then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
        // An unknown or malformed key is a 404 either way.
        WidgetFixture.post("wk_" + "0".repeat(32), ORIGIN, WidgetFixture.randomIp(), WidgetFixture.lead(WidgetFixture.randomMobile()))
                .statusCode(404).body("message", equalTo("Widget key not found"));
        WidgetFixture.post("not-a-key", ORIGIN, WidgetFixture.randomIp(), WidgetFixture.lead(WidgetFixture.randomMobile()))
                .statusCode(404);
    }

    @Test
    void theHoneypotLooksLikeSuccessAndStoresNothing() {
        WidgetFixture w = new WidgetFixture();
        w.runningWidgetCampaign();
        Map<String, Object> bot = new java.util.HashMap<>(WidgetFixture.lead(WidgetFixture.randomMobile()));
        bot.put("website", "https://cheap-pills.example");
        w.post(bot).statusCode(202).body("received", equalTo(true));
        assertEquals(0, leadsOf(w.workspaceId));
        assertEquals(0, TestDatabase.count("select count(*) from outbox_event where event_type = 'io.hostreach.lead.captured' "
                + "and payload like ?", "%" + w.workspaceId + "%"));
    }

    @Test
    void invalidRequestsAreRefusedNamingEveryFieldAndStoreNothing() {
        WidgetFixture w = new WidgetFixture();
        w.runningWidgetCampaign();
        Map<String, Object> bad = new java.util.HashMap<>();
        bad.put("name", " ");
        bad.put("phone", "12");
        bad.put("email", "not-an-email");
        bad.put("message", "x".repeat(2001));
        bad.put("pageUrl", "javascript:alert(1)");
        bad.put("consent", true);
        w.post(bad).statusCode(400)
                .body("statusCode", equalTo(400)).body("error", equalTo("Bad Request"))
                .body("message", equalTo("name is required (and 4 more, see details)"))
                .body("details.field", hasItems("name", "phone", "email", "message", "pageUrl"))
                .body("details.find { it.field == 'phone' }.message", containsString("valid phone number"));

        Map<String, Object> noConsent = new java.util.HashMap<>(WidgetFixture.lead(WidgetFixture.randomMobile()));
        noConsent.put("consent", false);
        w.post(noConsent).statusCode(400).body("message", equalTo("consent must be true: the visitor must agree to be contacted"))
                .body("details[0].field", equalTo("consent"));
        noConsent.remove("consent");
        w.post(noConsent).statusCode(400).body("details[0].field", equalTo("consent"));
        noConsent.put("consent", "yes");
        w.post(noConsent).statusCode(400).body("message", equalTo("consent must be true or false"));

        Map<String, Object> unknown = new java.util.HashMap<>(WidgetFixture.lead(WidgetFixture.randomMobile()));
        unknown.put("surname", "López");
        w.post(unknown).statusCode(400).body("message", equalTo("Unknown field 'surname'"));
        w.post(List.of(1, 2)).statusCode(400).body("message", equalTo("Request body must be a JSON object"));
        given().contentType(ContentType.JSON).header("Origin", ORIGIN).header("X-Forwarded-For", WidgetFixture.randomIp())
                .body("{\"name\": ").post(WidgetFixture.INTAKE + w.widgetKey + "/leads").then().statusCode(400)
                .body("message", equalTo("Request body is not valid JSON"));
        given().contentType(ContentType.TEXT).header("Origin", ORIGIN).header("X-Forwarded-For", WidgetFixture.randomIp())
                .body("name=Carmen").post(WidgetFixture.INTAKE + w.widgetKey + "/leads").then().statusCode(415);
        Map<String, Object> huge = new java.util.HashMap<>(WidgetFixture.lead(WidgetFixture.randomMobile()));
        huge.put("message", "x".repeat(20_000));
        w.post(huge).statusCode(413).body("statusCode", equalTo(413));
        assertEquals(0, leadsOf(w.workspaceId));
    }

    @Test
    void withoutARunningWidgetCampaignTheIntakeIsAConflict() {
        WidgetFixture w = new WidgetFixture();
        w.post(WidgetFixture.lead(WidgetFixture.randomMobile())).statusCode(409)
                .body("message", containsString("No widget campaign is running"));
        // A test-environment widget campaign does not receive the (live) site's visitors.
        String testKey = Api.newKey(w.workspaceId, "test");
        String testCampaign = w.widgetCampaign(testKey);
        Api.setStatus(testKey, testCampaign, "running").statusCode(200);
        w.post(WidgetFixture.lead(WidgetFixture.randomMobile())).statusCode(409);
        // Paused is not running either.
        String live = w.runningWidgetCampaign();
        Api.setStatus(w.liveKey, live, "paused").statusCode(200);
        w.post(WidgetFixture.lead(WidgetFixture.randomMobile())).statusCode(409);
        assertEquals(0, leadsOf(w.workspaceId));
        Api.setStatus(w.liveKey, live, "running").statusCode(200);
        w.post(WidgetFixture.lead(WidgetFixture.randomMobile())).statusCode(202);
        assertEquals(1, leadsOf(w.workspaceId));
    }

    @Test
    void aSecondRunningWidgetCampaignIsRefused() {
        WidgetFixture w = new WidgetFixture();
        String first = w.runningWidgetCampaign();
        String second = w.widgetCampaign(w.liveKey);
        Api.setStatus(w.liveKey, second, "running").statusCode(409)
                .body("message", containsString("another widget campaign is already running"));
        Api.as(w.liveKey).get(PREFIX + "/campaigns/" + second).then().body("status", equalTo("draft"));
        // Once the first is paused, the second may run, and then the first may not resume.
        Api.setStatus(w.liveKey, first, "paused").statusCode(200);
        Api.setStatus(w.liveKey, second, "running").statusCode(200);
        Api.setStatus(w.liveKey, first, "running").statusCode(409);
    }

    @Test
    void submissionsAreLimitedPerAddress() {
        WidgetFixture w = new WidgetFixture();
        w.runningWidgetCampaign();
        String ip = WidgetFixture.randomIp();
        Map<String, Object> bot = new java.util.HashMap<>(WidgetFixture.lead(WidgetFixture.randomMobile()));
        bot.put("website", "x");
        for (int i = 0; i < 3; i++) {
            WidgetFixture.post(w.widgetKey, ORIGIN, ip, bot).statusCode(202);
        }
        WidgetFixture.post(w.widgetKey, ORIGIN, ip, WidgetFixture.lead(WidgetFixture.randomMobile())).statusCode(429)
                .header("Retry-After", matchesPattern("\\d+"))
                .header("Access-Control-Allow-Origin", ORIGIN)
                .body("statusCode", equalTo(429)).body("message", containsString("from this address"));
        assertEquals(0, leadsOf(w.workspaceId));
        // Another visitor is not affected.
        WidgetFixture.post(w.widgetKey, ORIGIN, WidgetFixture.randomIp(), WidgetFixture.lead(WidgetFixture.randomMobile()))
                .statusCode(202);
        assertEquals(1, leadsOf(w.workspaceId));
    }

    @Test
    void submissionsAreLimitedPerWidgetKeyWhateverTheAddress() {
        WidgetFixture w = new WidgetFixture();
        WidgetFixture other = new WidgetFixture();
        w.runningWidgetCampaign();
        other.runningWidgetCampaign();
        Map<String, Object> bot = new java.util.HashMap<>(WidgetFixture.lead(WidgetFixture.randomMobile()));
        bot.put("website", "x");
        for (int i = 0; i < 6; i++) {
            w.post(bot).statusCode(202);
        }
        w.post(WidgetFixture.lead(WidgetFixture.randomMobile())).statusCode(429)
                .header("Retry-After", matchesPattern("\\d+")).body("message", containsString("for this widget"));
        other.post(WidgetFixture.lead(WidgetFixture.randomMobile())).statusCode(202);
        assertEquals(0, leadsOf(w.workspaceId));
    }

    private static List<ConsumerRecord<String, String>> recordsFor(ConsumerTask<String, String> records, String campaignId) {
        return records.getRecords().stream().filter(r -> campaignId.equals(r.key())).toList();
    }
}
