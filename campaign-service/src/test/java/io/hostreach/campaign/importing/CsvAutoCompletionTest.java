package io.hostreach.campaign.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.campaign.support.Api;
import io.hostreach.campaign.support.TestDatabase;
import io.hostreach.testing.EventContract;
import io.hostreach.testing.InjectKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.hostreach.campaign.support.Api.PREFIX;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * outreach-worker's {@code campaign.drained} completes a running csv_import campaign by itself: the status
 * event through the outbox and the {@code campaign.status_changed} webhook, once.
 */
@QuarkusTest
class CsvAutoCompletionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectKafka
    KafkaCompanion kafka;

    @ConfigProperty(name = "hostreach.topics.outreach-events")
    String outreachTopic;

    private static String drained(String eventId, String campaign, String workspace) {
        return """
                {"specversion":"1.0","id":"%s","source":"/hostreach/outreach-worker","type":"io.hostreach.campaign.drained",
                 "subject":"%s","time":"%s","datacontenttype":"application/json",
                 "data":{"campaignId":"%s","workspaceId":"%s","environment":"test","at":"%s"}}
                """.formatted(eventId, campaign, Instant.now(), campaign, workspace, Instant.now());
    }

    private void send(String campaign, String value) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(outreachTopic, campaign, value)).awaitCompletion();
    }

    private static List<String> statusEvents(String campaign) {
        return TestDatabase.strings("select payload from outbox_event where message_key = ? "
                + "and event_type = 'io.hostreach.campaign.status-changed' order by seq", campaign);
    }

    private static String runningCsvCampaign(String key) {
        String campaign = Api.createCampaign(key, Map.of("platform", "csv_import", "contactMode", "whatsapp-no-api",
                "segmentation", Map.of("batchSize", 5),
                "settings", Map.of("scheduledHours", "10", "scheduledDays", "1,2,3,4,5",
                        "sequence", List.of(Map.of("text", "Hola {{name}}", "delayHours", 0)))));
        Api.setStatus(key, campaign, "running").statusCode(200);
        return campaign;
    }

    @Test
    void aDrainedRunningCsvImportCampaignCompletesOnceWithItsEventAndWebhook() throws Exception {
        String key = Api.testKey();
        String workspace = Api.as(key).get(PREFIX + "/me").then().extract().path("workspaceId");
        Api.as(key).body(Map.of("url", "http://127.0.0.1:9/hooks", "secret", "whsec-0123456789abcdef", "name", "CRM",
                "events", List.of("campaign.status_changed"))).post(PREFIX + "/webhooks").then().statusCode(201);
        String campaign = runningCsvCampaign(key);
        assertEquals(1, statusEvents(campaign).size());

        String eventId = UUID.randomUUID().toString();
        send(campaign, drained(eventId, campaign, workspace));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> Api.as(key).get(PREFIX + "/campaigns/" + campaign).then()
                .body("status", is("completed")).body("completedAt", notNullValue()));

        List<String> events = statusEvents(campaign);
        assertEquals(2, events.size());
        JsonNode completed = JSON.readTree(events.get(1));
        assertEquals(List.of(), EventContract.load().violations(events.get(1)), events.get(1));
        assertEquals("running", completed.path("data").path("previousStatus").asText());
        assertEquals("completed", completed.path("data").path("campaign").path("status").asText());
        await().atMost(Duration.ofSeconds(10)).until(() -> TestDatabase.count("select count(*) from outbox_event "
                + "where id = ?::uuid and published_at is not null", completed.path("id").asText()) == 1);
        assertEquals(1, TestDatabase.count("select count(*) from webhook_delivery d join webhook_subscription s "
                + "on s.id = d.subscription_id where s.workspace_id = ?::uuid and d.event_type = 'campaign.status_changed' "
                + "and d.payload like '%\"previousStatus\":\"running\"%' and d.payload like '%\"status\":\"completed\"%'", workspace));

        // A redelivery, and a second drain (say, after a late lead), change nothing more.
        send(campaign, drained(eventId, campaign, workspace));
        String again = UUID.randomUUID().toString();
        send(campaign, drained(again, campaign, workspace));
        await().atMost(Duration.ofSeconds(15)).until(() -> TestDatabase.count(
                "select count(*) from processed_event where event_id = ?", again) == 1);
        assertEquals(2, statusEvents(campaign).size());
        assertEquals(1, TestDatabase.count("select count(*) from webhook_delivery d join webhook_subscription s "
                + "on s.id = d.subscription_id where s.workspace_id = ?::uuid and d.event_type = 'campaign.status_changed' "
                + "and d.payload like '%\"status\":\"completed\"%'", workspace));
    }

    @Test
    void otherCampaignsAreNotCompletedByADrain() {
        String key = Api.testKey();
        String workspace = Api.as(key).get(PREFIX + "/me").then().extract().path("workspaceId");
        String portal = Api.createCampaign(key, Api.runnablePortalCampaign());
        Api.setStatus(key, portal, "running").statusCode(200);
        String paused = runningCsvCampaign(key);
        Api.setStatus(key, paused, "paused").statusCode(200);

        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        send(portal, drained(first, portal, workspace));
        send(paused, drained(second, paused, workspace));
        await().atMost(Duration.ofSeconds(15)).until(() -> TestDatabase.count(
                "select count(*) from processed_event where event_id in (?, ?)", first, second) == 2);
        Api.as(key).get(PREFIX + "/campaigns/" + portal).then().body("status", is("running"));
        Api.as(key).get(PREFIX + "/campaigns/" + paused).then().body("status", is("paused"));
    }
}
